package dev.verpath.engine.execute;

import dev.verpath.engine.backup.BackupKeys;
import dev.verpath.engine.model.SystemSnapshot;
import dev.verpath.engine.failure.LockHeldFailure;
import dev.verpath.engine.files.NetworkFileSystem;
import dev.verpath.engine.journal.InstallationLock;
import dev.verpath.engine.journal.Journal;
import dev.verpath.engine.model.RecoveredRun;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.plan.MachineRates;
import dev.verpath.engine.plan.RateMeter;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.restore.InterruptedMigration;
import dev.verpath.engine.restore.Rollback;
import dev.verpath.engine.service.ServiceHooks;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.settings.FlagValues;
import dev.verpath.engine.workspace.Installation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How a migration is let in: the flags are checked (one that means dry run makes the whole run one), the request
 * is resolved once ({@link ResolvedRun}), and the run takes the installation lock. Under the lock the journal of
 * an interrupted migration is acted on: {@code version} restores the backup it names first, every other scope
 * refuses. A dry run takes no lock (it writes nothing, not even the lock file) and refuses while a run holds it.
 */
public final class LockedRun {

    private final RuleRegistry registry;
    private final EngineSettings settings;
    private final Clock clock;
    private final ProgressListener listener;
    private final Optional<SystemSnapshot> system;
    private final boolean services;

    /**
     * @param registry the loaded rules
     * @param settings the effective settings
     * @param clock    the clock for history and backup names
     * @param listener told how the long phases go
     * @param system   the system snapshot a backup's manifest records, when the caller gave one
     */
    public LockedRun(RuleRegistry registry, EngineSettings settings, Clock clock, ProgressListener listener,
                     Optional<SystemSnapshot> system) {
        this(registry, settings, clock, listener, system, true);
    }

    private LockedRun(RuleRegistry registry, EngineSettings settings, Clock clock, ProgressListener listener,
                      Optional<SystemSnapshot> system, boolean services) {
        this.services = services;
        this.system = system;
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * @param asked    what to migrate
     * @param progress receives one line per event, for the user
     * @param notices  receives what the user must hear even when progress is silenced (a recovery)
     * @return what changed
     */
    public RunResult run(RunRequest asked, Consumer<String> progress, Consumer<String> notices) {
        FlagValues.check(settings, registry.flags(), registry.flagConflicts());
        RunRequest request = DryRunFlags.apply(asked, registry.flags(), settings, notices);
        if (request.into().isPresent() && !request.dryRun()) {
            // the hooks and health check stay with the installation being served: none runs around a new folder
            return new SideBySide(new LockedRun(registry, settings, clock, listener, system, false),
                    product -> ServiceHooks.settingsFor(settings, registry, product)).run(request, progress, notices);
        }
        Installation found = ResolvedRun.locate(request);
        NetworkFileSystem.refuse(found.root(), settings.allowNetworkFs());
        if (request.dryRun()) {
            refuseWhileBusy(found);
            ResolvedRun run = ResolvedRun.of(request, found, registry, settings);
            return new MigrationExecutor(registry, settings, clock, listener, system).run(run, progress)
                    .withService(ServiceAround.planned(run, registry, settings));
        }
        RateMeter meter = new RateMeter(listener);
        MigrationExecutor executor = new MigrationExecutor(registry, settings, clock, meter, system);
        // resolved before the lock, so that a usage error (an unknown version or product) stops before the lock file
        // is made; with an interrupted migration's journal, only once that is dealt with
        Optional<ResolvedRun> early = Files.exists(found.stateFolder().resolve(Journal.FILE)) ? Optional.empty()
                : Optional.of(ResolvedRun.of(request, found, registry, settings));
        try (InstallationLock lock = InstallationLock.acquire(found.stateFolder())) {
            Optional<RecoveredRun> recovered = recoverUnderLock(request, found, progress, notices);
            // read again under the lock: a recovery restored it, or another run migrated it while this one waited
            Installation now = ResolvedRun.locate(request);
            ResolvedRun run = early.filter(r -> r.installation().equals(now))
                    .orElseGet(() -> ResolvedRun.of(request, now, registry, settings));
            Optional<ServiceHooks> services = this.services ? ServiceAround.of(run, registry, settings, progress)
                    : Optional.empty();
            RunResult ran = ServiceAround.run(services, () -> executor.run(run, progress, services));
            if (!run.plan().steps().isEmpty()) {
                MachineRates.record(now.stateFolder(), meter.sampleNow()); // for the next estimate; skipped when read-only
            }
            RunResult result = services.map(s -> ran.withService(s.events())).orElse(ran);
            return recovered.map(result::withRecovered).orElse(result);
        }
    }

    /** Refuses a dry run while a migration holds the lock or an interrupted one's journal is waiting. */
    private static void refuseWhileBusy(Installation found) {
        Optional<String> holder = InstallationLock.holder(found.stateFolder());
        if (holder.isPresent()) {
            throw new LockHeldFailure(found.stateFolder().resolve(InstallationLock.FILE) + ": a migration is in progress ("
                    + holder.get() + "); wait for it to finish, then run the dry run again",
                    found.stateFolder().resolve(InstallationLock.FILE), holder.get());
        }
        Optional<Journal.Intent> interrupted = InterruptedMigration.withoutLock(found);
        if (interrupted.isPresent()) {
            throw InterruptedMigration.refusal(found, interrupted.get());
        }
    }

    /**
     * Deals with an interrupted migration's journal, under the lock: {@code version} restores the backup it names
     * (saying so on {@code notices} first); every other scope, or a migration that took no backup, is refused.
     */
    private Optional<RecoveredRun> recoverUnderLock(RunRequest request, Installation found, Consumer<String> progress,
                                                    Consumer<String> notices) {
        Installation installation = Installation.at(found.root());
        Optional<Journal.Intent> interrupted = InterruptedMigration.underLock(installation, notices);
        if (interrupted.isEmpty()) {
            return Optional.empty();
        }
        Journal.Intent intent = interrupted.get();
        if (request.scope() != Scope.VERSION || intent.backupId().isEmpty()) {
            throw InterruptedMigration.refusal(found, intent);
        }
        notices.accept("recovering: " + InterruptedMigration.describe(intent) + "; restoring that backup first");
        org.slf4j.LoggerFactory.getLogger(LockedRun.class).warn("recovering an interrupted migration ({}): restoring backup {}"
                + " first", InterruptedMigration.describe(intent), intent.backupId().get());
        Path backupFolder = installation.backupFolder(settings.backupDir());
        new Rollback(installation, backupFolder, clock, listener).withKeys(BackupKeys.of(settings)).restore(installation, backupFolder.resolve(intent.backupId().get()),
                progress);
        return Optional.of(new RecoveredRun(intent.backupId().get(), intent.from(), intent.to()));
    }
}
