package dev.verpath.engine.execute;

import dev.verpath.engine.log.LogFields;
import dev.verpath.engine.model.SystemSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.verpath.engine.backup.BackupDraft;
import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.backup.LinkedFileStats;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.CommitSection;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.journal.Journal;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.records.RunReport;
import dev.verpath.engine.reuse.StepCache;
import dev.verpath.engine.service.ServiceHooks;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.settings.HookPhase;
import dev.verpath.engine.validate.InstallationValidator;
import dev.verpath.engine.workspace.ShadowWorkspace;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a resolved migration as a shadow run, in five phases, top to bottom in {@link #run}:
 * <ol>
 *   <li>{@link PreparePhase prepare}: scan the live tree, refuse what cannot be migrated, check the disks;</li>
 *   <li>{@link ShadowRunPhase shadow run}: validate the source, run every step on a {@link ShadowWorkspace} and
 *       validate each step there;</li>
 *   <li>{@link BackupPhase backup}: check the commit can write, take the backup, re-check the live tree;</li>
 *   <li>{@link CommitPhase commit}: begin the journal and apply the changes to the live tree;</li>
 *   <li>{@link RecordPhase record}: append the history and end the journal.</li>
 * </ol>
 * A failure in the first three phases leaves every live byte as it was; the journal covers the last two. A dry
 * run stops after the shadow run. The shadow run and the backup run under {@code global.timeout_seconds}.
 */
public final class MigrationExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationExecutor.class);

    private final RuleRegistry registry;
    private final EngineSettings settings;
    private final Clock clock;
    private final InstallationValidator validator;
    private final ProgressListener listener;
    private final Optional<SystemSnapshot> system;

    /**
     * @param registry the loaded rules
     * @param settings the effective settings
     * @param clock    the clock for history and backup names
     * @param listener told how the long phases go (hashing, record passes, backup, commit)
     * @param system   the system snapshot a backup's manifest records, when the caller gave one
     */
    public MigrationExecutor(RuleRegistry registry, EngineSettings settings, Clock clock, ProgressListener listener,
                             Optional<SystemSnapshot> system) {
        this.system = system;
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
        this.validator = new InstallationValidator(registry, settings.maxRecordBytes());
    }

    /**
     * Runs (or dry-runs) a resolved migration with no hooks around it. Unless it is a dry run, the caller holds the
     * installation lock and has dealt with any interrupted migration's journal.
     *
     * @param run      the migration, resolved
     * @param progress receives one line per event
     * @return what changed
     */
    public RunResult run(ResolvedRun run, Consumer<String> progress) {
        return run(run, progress, Optional.empty());
    }

    /**
     * Runs (or dry-runs) a resolved migration, with the operator's hooks and health check around the commit when
     * given: {@code before_commit} after the backup (then, if a live file changed meanwhile, the run starts over once
     * on the now quiet tree), {@code after_commit} and the health check after it ({@link StartPhase}).
     *
     * @param run      the migration, resolved
     * @param progress receives one line per event
     * @param services the hooks and health check, when any are set (never run by a dry run)
     * @return what changed
     */
    public RunResult run(ResolvedRun run, Consumer<String> progress, Optional<ServiceHooks> services) {
        try (LogFields.AutoCloseableField field = LogFields.put(LogFields.PRODUCT, run.plan().product())) {
            LOG.info("{}{} {}: {} step(s) from {} to {}", run.dryRun() ? "dry run of " : "", run.scope().name()
                    .toLowerCase(java.util.Locale.ROOT), run.installation().root(), run.plan().steps().size(),
                    run.plan().from(), run.plan().to());
            return runPhases(run, progress, services.filter(s -> !run.dryRun()), false);
        }
    }

    private RunResult runPhases(ResolvedRun run, Consumer<String> progress, Optional<ServiceHooks> services,
                                boolean stopped) {
        Instant started = clock.instant();
        RecordPasses passes = RecordPasses.of(run.plan().product(), run.plan().steps(), registry, settings, validator, listener,
                StepCache.open(settings, run.installation().stateFolder(), !run.dryRun()));
        ShadowRunPhase shadowRun = new ShadowRunPhase(registry, settings,
                new StepSequence(registry, settings, validator, passes, run.installation().root(), clock), passes, listener);
        HashCache hashes = new HashCache();
        try {
            PreparePhase.Prepared prepared = PreparePhase.prepare(run, started);
            if (!run.dryRun() && run.backup().take()) {
                BackupPhase.loadCompressorAhead();
            }
            PhaseTimes phases = new PhaseTimes(clock, started);
            phases.mark("prepare");
            try {
                ShadowWorkspace shadow = new ShadowWorkspace(prepared.live(), prepared.staging(), !run.dryRun(), hashes,
                        run.files());
                RunReport report = new RunReport();
                Guarded guarded = new Deadline(settings.timeoutSeconds()).run(activity -> shadowRunAndBackup(run,
                        shadowRun, prepared, shadow, report, progress, phases, activity::set), shadow::fence);
                LOG.info("shadow run done: {} change(s){}", guarded.outcome().changes().size(),
                        guarded.backup().map(b -> "; backup " + b.id() + " taken").orElse(""));
                if (run.dryRun()) {
                    progress.accept("dry run: " + guarded.outcome().changes().size() + " change(s) would be made;"
                            + " nothing was written");
                    return result(run, guarded, report, started, phases);
                }
                Optional<ServiceHooks> around = services.map(s -> s.withBackup(guarded.backup().map(BackupInfo::id)));
                if (!stopped && around.isPresent() && stopService(run, prepared, guarded, around.get(), progress)) {
                    prepared.discardStaging();
                    return runPhases(run, progress, services, true);
                }
                commit(run, shadow, guarded, progress, phases, around);
                return result(run, guarded, report, started, phases);
            } finally {
                prepared.discardStaging();
            }
        } catch (IOException e) {
            throw new EnvironmentFailure(AtomicFiles.outOfSpace(e)
                    ? e.getMessage() + "; the disk is full, the installation is unchanged; free space there and run again"
                    : e.getMessage() + "; the installation is unchanged", e);
        }
    }

    /**
     * The shadow run, then the backup: begun before the shadow run when records stream, so that their files are
     * archived as the passes read them ({@link BackupPhase#begin}).
     */
    private Guarded shadowRunAndBackup(ResolvedRun run, ShadowRunPhase shadowRun, PreparePhase.Prepared prepared,
                                       ShadowWorkspace shadow, RunReport report, Consumer<String> progress,
                                       PhaseTimes phases, Consumer<String> activity) throws IOException {
        BackupPhase backupPhase = new BackupPhase(clock, listener, system);
        Optional<BackupDraft> draft = backupPhase.begin(run, shadow);
        try {
            ShadowRunPhase.Outcome outcome = shadowRun.run(run, prepared.live(), shadow, shadow.hashes(), report, progress,
                    activity);
            phases.mark("shadow_run");
            Optional<BackupInfo> backup = run.dryRun() ? Optional.empty() : backupPhase.take(run, prepared.live(), shadow,
                    outcome.changes().size(), shadow.hashes(), progress, activity, draft);
            phases.mark("backup");
            return new Guarded(outcome, backup);
        } finally {
            BackupPhase.close(draft);
        }
    }

    /**
     * Runs the {@code before_commit} hook (the service's stop) before the first change. A failing hook stops the run:
     * nothing was changed, and the backup is removed. When a live file changed since the scan (the service wrote to
     * it until it stopped), the backup is removed and the caller starts over on the now quiet tree.
     *
     * @return whether to start over
     */
    private boolean stopService(ResolvedRun run, PreparePhase.Prepared prepared, Guarded guarded, ServiceHooks services,
                                Consumer<String> progress) throws IOException {
        if (!services.has(HookPhase.BEFORE_COMMIT)) {
            return false;
        }
        try {
            services.require(HookPhase.BEFORE_COMMIT, "nothing was changed" + (guarded.backup().isPresent()
                    ? " and the run's backup was removed" : ""));
        } catch (RuntimeException e) {
            removeBackup(guarded);
            throw e;
        }
        Optional<String> changed = prepared.live().changedSinceScan();
        if (changed.isEmpty()) {
            return false;
        }
        removeBackup(guarded);
        progress.accept(changed.get() + " changed before the service stopped; running the steps again on the quiet tree");
        LOG.info("{} changed before the before_commit hook finished; starting over", changed.get());
        return true;
    }

    private static void removeBackup(Guarded guarded) throws IOException {
        if (guarded.backup().isPresent()) {
            BackupStore.delete(guarded.backup().get().folder());
        }
    }

    /** The commit and what follows it, when there is anything to apply. */
    private void commit(ResolvedRun run, ShadowWorkspace shadow, Guarded guarded, Consumer<String> progress, PhaseTimes phases,
                        Optional<ServiceHooks> services) throws IOException {
        if (!shadow.pending().isEmpty() || !guarded.outcome().entries().isEmpty()) {
            // a run with nothing to apply (already at the target) writes no journal a crash could leave behind
            commitAndRecord(run, shadow, guarded, progress, phases, services);
            LOG.info("committed and recorded: the installation is at {}", run.plan().to());
        } else {
            LOG.info("nothing to apply: the installation is already at {}; no journal written", run.plan().to());
            services.ifPresent(s -> s.attempt(HookPhase.AFTER_COMMIT));
        }
        // stats are kept for hard-linked files alone: a backup without one has nothing to record (and its manifest is
        // not read back, 5 ms of a small run)
        guarded.backup().filter(b -> b.linkedFiles() > 0)
                .ifPresent(b -> LinkedFileStats.record(b.folder(), clock.instant()));
    }

    /** What the phases under the deadline hand to the commit: the shadow run's outcome and the backup. */
    private record Guarded(ShadowRunPhase.Outcome outcome, Optional<BackupInfo> backup) {
    }

    /** The commit and the record of it, as one section a stop signal waits for (see {@link CommitSection}). */
    private void commitAndRecord(ResolvedRun run, ShadowWorkspace shadow, Guarded guarded, Consumer<String> progress,
                                 PhaseTimes phases, Optional<ServiceHooks> services) throws IOException {
        boolean gated = services.filter(ServiceHooks::gated).isPresent();
        Journal journal;
        CommitSection.enter();
        try {
            journal = new CommitPhase(settings, clock, listener).apply(run, shadow, guarded.backup(), progress);
            phases.mark("commit");
            RecordPhase.record(run, journal, guarded.outcome().entries(), !gated);
            phases.mark("record");
        } finally {
            CommitSection.exit();
        }
        if (gated) {
            new StartPhase(clock, listener).start(run, journal, guarded.backup(), services.get(), progress);
            phases.mark("start");
        }
    }

    private RunResult result(ResolvedRun run, Guarded guarded, RunReport report, Instant started, PhaseTimes phases) {
        Map<String, Duration> steps = new LinkedHashMap<>();
        guarded.outcome().entries().forEach(e -> steps.merge(e.from() + "->" + e.to(), e.duration(), Duration::plus));
        return new RunResult(run.plan(), run.dryRun(), guarded.outcome().changes(), report.warnings(), report.counters(),
                guarded.backup().map(BackupInfo::id), Duration.between(started, clock.instant()), Optional.empty(),
                phases.phases(), steps);
    }
}
