package dev.verpath.engine.release;

import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.SwitchResult;
import dev.verpath.engine.service.HealthReport;
import dev.verpath.engine.service.HookEnvironment;
import dev.verpath.engine.service.ServiceHooks;
import dev.verpath.engine.service.UnhealthyFailure;
import dev.verpath.engine.settings.HookPhase;
import dev.verpath.engine.settings.HookSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A release link switched under the operator's hooks and health check, as a commit is: {@code before_commit} stops
 * the service, the link is pointed ({@link ReleaseLink#point}), the start hook starts it, the health check waits. A
 * {@link SwitchJournal} beside the link records each stage, so that a process killed meanwhile is found by the next
 * command and undone by {@code migrate rollback --path LINK}.
 *
 * <p>{@link #to} switches to a new release built by {@code --into}: when it is not healthy the link is switched back at
 * once (no restore: the old release was never written), the old one started and checked, and the run fails with exit
 * 6. {@link #back} points the link at the release the current one was built from ({@code rollback --path LINK}).
 */
public final class ReleaseSwitch {

    private final Path link;
    private final ServiceHooks services;
    private final Consumer<String> progress;

    private ReleaseSwitch(Path link, ServiceHooks services, Consumer<String> progress) {
        this.link = link;
        this.services = services;
        this.progress = progress;
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
     * @throws IOException when the link or its journal cannot be written
     */
    public static RunResult to(Path link, Optional<Path> previous, Path release, RunResult result, HookSettings hooks,
                               Consumer<String> progress) throws IOException {
        String from = result.plan().from();
        String to = result.plan().to();
        ReleaseSwitch gate = new ReleaseSwitch(link, new ServiceHooks(hooks, HookEnvironment.ofRun(result.plan().product(),
                from, to, link, Optional.empty()), progress), progress);
        SwitchJournal journal = SwitchJournal.begin(link, previous, release, result.plan().product(), from, to, false);
        Optional<String> unhealthy = gate.gated(journal, release, HookPhase.AFTER_COMMIT, to, "the link was not switched; "
                + release + " is built: switch to it when the hook works");
        if (unhealthy.isEmpty()) {
            journal.end();
            return result.withService(gate.services.events());
        }
        boolean signalled = Thread.interrupted();
        journal.advance(SwitchJournal.SWITCHING_BACK);
        gate.services.attempt(HookPhase.BEFORE_COMMIT);
        if (previous.isPresent()) {
            ReleaseLink.point(link, previous.get());
        } else {
            Files.delete(link);
        }
        gate.services.attempt(HookPhase.AFTER_ROLLBACK);
        Optional<HealthReport> old = previous.isPresent() ? gate.services.health(from) : Optional.empty();
        journal.end();
        if (signalled) {
            Thread.currentThread().interrupt();
        }
        boolean oldHealthy = old.map(HealthReport::healthy).orElse(true);
        throw new UnhealthyFailure(unhealthy.get() + "; " + link + " was switched back" + previous.map(p -> " to " + p)
                .orElse(" (removed: it pointed nowhere before)") + (oldHealthy ? "" : ", but the old release is not healthy"
                + " either (" + old.get().summary() + ")") + "; " + release + " is kept for a look: find why it was not"
                + " healthy, then switch again", "", oldHealthy, gate.services.events());
    }

    /**
     * Points the link back at the release the current one was built from, gated by the hooks and health check.
     *
     * @param link     the link
     * @param current  the release it points at now
     * @param previous the release to point it at
     * @param product  the product
     * @param versions the current release's version and the previous one's
     * @param hooks    the hooks and health check for the product
     * @param progress receives one line per event
     * @return what was done
     * @throws IOException when the link or its journal cannot be written
     */
    static SwitchResult back(Path link, Path current, Path previous, String product, Versions versions, HookSettings hooks,
                             Consumer<String> progress) throws IOException {
        ReleaseSwitch gate = new ReleaseSwitch(link, new ServiceHooks(hooks, HookEnvironment.ofRun(product,
                versions.from(), versions.to(), link, Optional.empty()), progress), progress);
        SwitchJournal journal = SwitchJournal.begin(link, Optional.of(current), previous, product, versions.from(),
                versions.to(), true);
        long started = System.nanoTime();
        Optional<String> unhealthy = gate.gated(journal, previous, HookPhase.AFTER_ROLLBACK, versions.to(),
                link + " still points at " + current);
        journal.end();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (unhealthy.isPresent()) {
            throw new UnhealthyFailure(link + " points at " + previous + " (" + versions.to() + ") again, but "
                    + unhealthy.get() + "; check the service (its log), not the release; " + current + " is kept",
                    "", false, gate.services.events());
        }
        return new SwitchResult(link, Optional.of(current), Optional.of(previous), versions.to(), took, Optional.empty(),
                gate.services.events());
    }

    /** The versions of a switch: the release the link points at, and the one it is switched to. */
    record Versions(String from, String to) {
    }

    /**
     * Stops the service, points the link, records it, starts the service and checks it.
     *
     * @return why the release switched to is not healthy; empty when it is
     */
    private Optional<String> gated(SwitchJournal journal, Path release, HookPhase start, String version, String unchanged)
            throws IOException {
        try {
            services.require(HookPhase.BEFORE_COMMIT, unchanged);
        } catch (RuntimeException stopFailed) {
            journal.end();
            throw stopFailed;
        }
        ReleaseLink.point(link, release);
        progress.accept("switched " + link + " to " + release);
        journal.advance(SwitchJournal.SWITCHED);
        return services.startAndCheck(start, version);
    }
}
