package dev.verpath.engine.execute;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.service.HealthReport;
import dev.verpath.engine.service.HookEnvironment;
import dev.verpath.engine.service.ServiceHooks;
import dev.verpath.engine.service.UnhealthyFailure;
import dev.verpath.engine.settings.HookPhase;
import dev.verpath.engine.settings.HookSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code --switch LINK}: once {@code --into} has built the new release, the symbolic link the server reads through is
 * pointed at it atomically (a new link under a temporary name, renamed over the old one, the folder synced), so a
 * reader sees the old release or the new one, never a mix. The operator's hooks and health check gate it as they
 * gate a commit: {@code before_commit} stops the service, the link is switched, {@code after_commit} starts it, the
 * health check waits; when the new release is not healthy the link is switched back at once (no restore: the old
 * release was never written), the old one started and checked, and the run fails with exit 6.
 */
final class ReleaseSwitch {

    private ReleaseSwitch() {
    }

    /**
     * Refuses a link that cannot be switched, before anything is built.
     *
     * @param link the link
     * @return the release it points at now, when it exists
     */
    static Optional<Path> current(Path link) {
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
            throw new InputFailure(ErrorCode.USAGE, link + ": --switch needs a symbolic link (or no file there yet), and"
                    + " this is not one; move it aside, or point --switch at the link the server reads through");
        }
        try {
            return Files.exists(link) ? Optional.of(link.toRealPath()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Switches the link to the new release, gated by the hooks and health check.
     *
     * @param link     the link
     * @param previous the release it pointed at before, when any
     * @param release  the new release, built
     * @param result   what the migration did
     * @param hooks    the hooks and health check for the product
     * @param progress receives one line per event
     * @return the result, with the hooks and health attempts that ran
     * @throws IOException when the link cannot be made
     */
    static RunResult to(Path link, Optional<Path> previous, Path release, RunResult result, HookSettings hooks,
                        Consumer<String> progress) throws IOException {
        ServiceHooks services = new ServiceHooks(hooks, HookEnvironment.ofRun(result.plan().product(), result.plan().from(),
                result.plan().to(), link, Optional.empty()), progress);
        services.require(HookPhase.BEFORE_COMMIT, "the link was not switched; " + release + " is built: switch to it"
                + " when the hook works");
        point(link, release);
        progress.accept("switched " + link + " to " + release);
        Optional<String> unhealthy = services.startAndCheck(HookPhase.AFTER_COMMIT, result.plan().to());
        if (unhealthy.isEmpty()) {
            return result.withService(services.events());
        }
        boolean signalled = Thread.interrupted();
        services.attempt(HookPhase.BEFORE_COMMIT);
        if (previous.isPresent()) {
            point(link, previous.get());
        } else {
            Files.delete(link);
        }
        services.attempt(HookPhase.AFTER_ROLLBACK);
        Optional<HealthReport> old = previous.isPresent() ? services.health(result.plan().from()) : Optional.empty();
        if (signalled) {
            Thread.currentThread().interrupt();
        }
        boolean oldHealthy = old.map(HealthReport::healthy).orElse(true);
        throw new UnhealthyFailure(unhealthy.get() + "; " + link + " was switched back" + previous.map(p -> " to " + p)
                .orElse(" (removed: it pointed nowhere before)") + (oldHealthy ? "" : ", but the old release is not healthy"
                + " either (" + old.get().summary() + ")") + "; " + release + " is kept for a look: find why it was not"
                + " healthy, then switch again", "", oldHealthy, services.events());
    }

    /** Points the link at the folder atomically: a new link under a temporary name, renamed over the old one. */
    private static void point(Path link, Path folder) throws IOException {
        Path fresh = link.resolveSibling("." + link.getFileName() + ".verpath-switch");
        Files.deleteIfExists(fresh);
        Files.createSymbolicLink(fresh, folder);
        Files.move(fresh, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.fsyncFolder(link.toAbsolutePath().getParent());
    }
}
