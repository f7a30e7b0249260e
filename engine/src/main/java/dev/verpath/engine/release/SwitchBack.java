package dev.verpath.engine.release;

import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.journal.History;
import dev.verpath.engine.journal.HistoryEntry;
import dev.verpath.engine.model.SwitchResult;
import dev.verpath.engine.service.HookEnvironment;
import dev.verpath.engine.service.ServiceHooks;
import dev.verpath.engine.settings.HookPhase;
import dev.verpath.engine.settings.HookSettings;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.engine.workspace.LiveTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code migrate rollback --path LINK} on a release link: finishes an interrupted switch (the journal beside the link),
 * else points the link back at the release the current one was built from, when that release is still there and as it
 * was built from. Otherwise there is nothing to switch to, and the caller restores the current release's backup.
 */
final class SwitchBack {

    private final Function<String, HookSettings> hooks;

    /** @param hooks the hooks and health check for a product */
    SwitchBack(Function<String, HookSettings> hooks) {
        this.hooks = hooks;
    }

    /**
     * @param link     the link
     * @param progress receives one line per event
     * @param notices  receives what the user must hear even when progress is silenced
     * @return what was done; empty when the link's release was not built from one that is still there
     */
    Optional<SwitchResult> run(Path link, Consumer<String> progress, Consumer<String> notices) {
        Optional<SwitchJournal.Intent> interrupted = SwitchJournal.read(link);
        try {
            if (interrupted.isPresent()) {
                if (interrupted.get().alive()) {
                    SwitchJournal.refuseBusy(link);
                }
                return Optional.of(recover(interrupted.get(), progress, notices));
            }
            Path current = ReleaseLink.current(link, "--path").orElseThrow(() -> new InputFailure(ErrorCode.USAGE, link
                    + ": the link points nowhere; point it at a release by hand (ln -sfn RELEASE " + link + ")"));
            Optional<Path> previous = previousOf(current, notices);
            if (previous.isEmpty()) {
                return Optional.empty();
            }
            Installation now = Installation.at(current);
            Installation back = Installation.at(previous.get());
            progress.accept("switching " + link + " back from " + current + " (" + now.version().orElse("?") + ") to "
                    + previous.get() + " (" + back.version().orElse("?") + "), the release it was built from");
            return Optional.of(ReleaseSwitch.back(link, current, previous.get(), now.product(), new ReleaseSwitch.Versions(
                    now.version().orElse(""), back.version().orElse("")), hooks.apply(now.product()), progress));
        } catch (IOException e) {
            throw new EnvironmentFailure(link + ": cannot be switched (" + e.getMessage() + "); check the permissions of"
                    + " its folder, then run again", e);
        }
    }

    /**
     * The release a release was built from by {@code version --into}, when its history ends with that build and the
     * release is still there, of the same product, at the version it was built from.
     *
     * @param release the release
     * @param notices told why a release that was recorded cannot be switched to
     * @return the release to switch back to
     */
    static Optional<Path> previousOf(Path release, Consumer<String> notices) {
        List<HistoryEntry> history = History.in(release.resolve(LiveTree.STATE_FOLDER)).read();
        Optional<HistoryEntry> built = history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1))
                .filter(e -> e.scope().equals(HistoryEntry.INTO) && e.fromPath().isPresent());
        if (built.isEmpty()) {
            return Optional.empty();
        }
        Path from = Path.of(built.get().fromPath().get());
        if (!Files.isRegularFile(from.resolve(Installation.VERSION_FILE))) {
            notices.accept(from + ", which " + release + " was built from, is gone; restoring " + release
                    + "'s backup instead");
            return Optional.empty();
        }
        Installation there = Installation.at(from);
        if (!there.product().equals(built.get().product()) || !there.version().equals(Optional.of(built.get().from()))) {
            notices.accept(from + " is at " + there.product() + " " + there.version().orElse("?") + " now, not the "
                    + built.get().from() + " " + release + " was built from; restoring " + release + "'s backup instead");
            return Optional.empty();
        }
        return Optional.of(from);
    }

    /** Undoes (or, for a switch back, finishes) a switch whose process is gone: the link pointed, the release started. */
    private SwitchResult recover(SwitchJournal.Intent intent, Consumer<String> progress, Consumer<String> notices)
            throws IOException {
        Path link = intent.link();
        Optional<Path> target = intent.recoverTo().filter(Files::isDirectory);
        notices.accept("recovering: " + intent.describe() + "; pointing " + link + " at "
                + target.map(Path::toString).orElse("nothing (removing it)"));
        String version = intent.back() ? intent.to() : intent.from();
        ServiceHooks services = new ServiceHooks(hooks.apply(intent.product()), HookEnvironment.ofRun(intent.product(),
                intent.back() ? intent.from() : intent.to(), version, link, Optional.empty()), progress);
        long started = System.nanoTime();
        services.attempt(HookPhase.BEFORE_COMMIT);
        Optional<Path> before = ReleaseLink.current(link, "--path");
        if (target.isPresent()) {
            ReleaseLink.point(link, target.get());
        } else {
            Files.deleteIfExists(link);
        }
        Optional<String> unhealthy = target.isPresent() ? services.startAndCheck(HookPhase.AFTER_ROLLBACK, version)
                : Optional.empty();
        SwitchJournal.end(link);
        if (unhealthy.isPresent()) {
            throw new dev.verpath.engine.service.UnhealthyFailure(intent.describe() + " was recovered: " + link
                    + " points at " + target.get() + ", but " + unhealthy.get() + "; check the service (its log)", "",
                    false, services.events());
        }
        return new SwitchResult(link, before, target, target.isPresent() ? version : "",
                Duration.ofNanos(System.nanoTime() - started), Optional.of(intent.describe()), services.events());
    }
}
