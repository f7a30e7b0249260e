package dev.verpath.engine.execute;

import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.failure.Excerpt;
import dev.verpath.engine.failure.RecoveryNeededFailure;
import dev.verpath.engine.files.CommitSection;
import dev.verpath.engine.journal.Journal;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.restore.InstallationRollback;
import dev.verpath.engine.service.HealthReport;
import dev.verpath.engine.service.HookResult;
import dev.verpath.engine.service.ServiceHooks;
import dev.verpath.engine.service.UnhealthyFailure;
import dev.verpath.engine.settings.HookPhase;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 6 of a run with a service around it, start: once the commit is recorded, the {@code after_commit} hook starts
 * the service and the health check waits for it to be healthy; only then is the journal ended. The journal says how
 * far it got ({@link Journal#STARTING}, {@link Journal#HEALTH_PENDING}), so a run killed here is recovered by the next
 * one as any interrupted commit: the backup is restored. When the hook fails or the service never becomes healthy (or
 * a stop signal comes while waiting), the run undoes itself at once: the {@code before_commit} hook stops the new
 * version, the backup is restored, the {@code after_rollback} hook starts the old one, and its health is checked.
 */
final class StartPhase {

    private static final Logger LOG = LoggerFactory.getLogger(StartPhase.class);

    private final Clock clock;
    private final ProgressListener listener;

    /**
     * @param clock    the clock for the history of an undo
     * @param listener told how an undo's restore goes
     */
    StartPhase(Clock clock, ProgressListener listener) {
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * @param run      the run, committed and recorded
     * @param journal  its journal, still open
     * @param backup   the run's backup (a run with a service gate always takes one)
     * @param services the run's hooks and health check
     * @param progress receives one line per event
     * @throws IOException when the journal cannot be advanced or ended
     * @throws UnhealthyFailure when the new version was not healthy and the backup was restored
     */
    void start(ResolvedRun run, Journal journal, Optional<BackupInfo> backup, ServiceHooks services,
               Consumer<String> progress) throws IOException {
        journal.advance(Journal.STARTING);
        Optional<HookResult> started = services.attempt(HookPhase.AFTER_COMMIT);
        if (started.isPresent() && !started.get().succeeded()) {
            throw undo(run, backup, services, progress, started.get().failureLine());
        }
        journal.advance(Journal.HEALTH_PENDING);
        Optional<HealthReport> health = services.health(run.plan().to());
        if (health.isPresent() && !health.get().healthy()) {
            throw undo(run, backup, services, progress, (health.get().interrupted() ? "stopped by a signal while checking"
                    + " the health of " + run.plan().to() + ": " : "the health check found " + run.plan().to() + " ")
                    + health.get().summary());
        }
        journal.end();
        LOG.info("the service is up at {}{}", run.plan().to(), health.map(h -> " (" + h.summary() + ")").orElse(""));
    }

    /** Stops the new version, restores the backup, starts and checks the old version; the failure to throw. */
    private RuntimeException undo(ResolvedRun run, Optional<BackupInfo> backup, ServiceHooks services,
                                  Consumer<String> progress, String reason) {
        // a stop signal that ended the wait must not cut the restore short: the undo finishes, then the command stops
        boolean signalled = Thread.interrupted();
        BackupInfo taken = backup.orElseThrow(() -> new IllegalStateException("a gated run takes a backup"));
        String root = run.installation().root().toString();
        progress.accept(reason + "; restoring backup " + taken.id());
        LOG.info("{}; restoring backup {}", reason, taken.id());
        CommitSection.enter();
        try {
            services.attempt(HookPhase.BEFORE_COMMIT);
            new InstallationRollback(run.installation(), run.backup().folder(), clock, listener).restore(taken.folder(),
                    progress);
        } catch (IOException | RuntimeException e) {
            return new RecoveryNeededFailure(reason + "; restoring backup " + taken.id() + " failed too (" + Excerpt.reason(e)
                    + "); run 'migrate rollback --path " + root + "' once the cause is fixed", run.installation().root(), e);
        } finally {
            CommitSection.exit();
        }
        services.attempt(HookPhase.AFTER_ROLLBACK);
        Optional<HealthReport> old = services.health(run.plan().from());
        if (signalled) {
            Thread.currentThread().interrupt();
        }
        boolean oldHealthy = old.map(HealthReport::healthy).orElse(true);
        String after = oldHealthy ? (old.isPresent() ? "the old version is healthy again; " : "")
                + "find why " + run.plan().to() + " was not (the hook and health lines, the service's log) and run again"
                : "the old version is not healthy either (" + old.get().summary() + "): check the service; backup "
                + taken.id() + " is kept";
        return new UnhealthyFailure(reason + "; backup " + taken.id() + " was restored, so " + root + " is at "
                + run.plan().from() + " again; " + after, taken.id(), oldHealthy, services.events());
    }
}
