package dev.verpath.engine;

import dev.verpath.engine.backup.BackupCheck;
import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.backup.BackupVerifier;
import dev.verpath.engine.execute.DryRunFlags;
import dev.verpath.engine.execute.MigrationExecutor;
import dev.verpath.engine.execute.RunTarget;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.failure.LockHeldFailure;
import dev.verpath.engine.failure.NoPathFailure;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.Mount;
import dev.verpath.engine.files.NetworkFileSystem;
import dev.verpath.engine.graph.VersionGraph;
import dev.verpath.engine.journal.History;
import dev.verpath.engine.journal.HistoryEntry;
import dev.verpath.engine.journal.InstallationLock;
import dev.verpath.engine.journal.Journal;
import dev.verpath.engine.journal.RuleChecksum;
import dev.verpath.engine.model.PlanRequest;
import dev.verpath.engine.model.RecoveredRun;
import dev.verpath.engine.model.RollbackResult;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.model.StatusReport;
import dev.verpath.engine.plan.FewestStepsPlanner;
import dev.verpath.engine.plan.MigrationPlan;
import dev.verpath.engine.plan.PlanEstimator;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.restore.InterruptedMigration;
import dev.verpath.engine.restore.Rollback;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.settings.FlagValues;
import dev.verpath.engine.validate.InstallationValidation;
import dev.verpath.engine.validate.ValidationReport;
import dev.verpath.engine.validate.ValidationRequest;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The engine's front door: everything the {@code migrate} command does goes through here. One engine
 * serves one command; it holds the loaded rules and the effective settings. Not thread-safe.
 */
public final class MigrationEngine {

    private final RuleRegistry registry;
    private final EngineSettings settings;
    private final Clock clock = Clock.systemUTC();

    private MigrationEngine(RuleRegistry registry, EngineSettings settings) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * An engine over the given rules and settings.
     *
     * @param registry the loaded rule sets
     * @param settings the effective settings
     * @return the engine
     */
    public static MigrationEngine create(RuleRegistry registry, EngineSettings settings) {
        return new MigrationEngine(registry, settings);
    }

    /** @return the loaded rules */
    public RuleRegistry registry() {
        return registry;
    }

    /** @return the effective settings */
    public EngineSettings settings() {
        return settings;
    }

    /** @return the version graph of every product */
    public VersionGraph graph() {
        return registry.graph();
    }

    /**
     * The plan {@code migrate info} prints.
     *
     * @param request versions or installation
     * @return the plan, with an estimate when an installation was given
     */
    public MigrationPlan plan(PlanRequest request) {
        Optional<Installation> installation = request.root().map(Installation::at);
        String product = request.product().or(() -> installation.map(Installation::product)).orElse(Installation.DEFAULT_PRODUCT);
        String from = request.from().or(() -> installation.flatMap(Installation::version)).orElseThrow(() ->
                new InputFailure(ErrorCode.USAGE, installation.map(i -> i.root().resolve(Installation.VERSION_FILE) + ": missing; ")
                        .orElse("") + "no source version; give --from"));
        MigrationPlan plan = planFor(product, from, request.to(), request.allowLossy());
        return installation.isPresent() ? plan.withEstimate(new PlanEstimator().estimate(plan, installation.get().root())) : plan;
    }

    private MigrationPlan planFor(String product, String from, Optional<String> to, boolean allowLossy) {
        FewestStepsPlanner planner = new FewestStepsPlanner(graph());
        String target = to.orElseGet(() -> planner.newestReachable(product, from, allowLossy).orElse(from));
        return planner.plan(product, from, target, allowLossy);
    }

    /**
     * Runs (or dry-runs) a migration: {@code migrate version|config|data|models}.
     *
     * @param request  what to migrate
     * @param progress receives one line per event (step started, files done), for the user
     * @return what changed
     */
    public RunResult migrate(RunRequest request, Consumer<String> progress) {
        return migrate(request, progress, progress);
    }

    /**
     * Runs (or dry-runs) a migration: {@code migrate version|config|data|models}. The journal of an interrupted
     * migration is read and acted on only while holding the installation lock; only {@code version} recovers
     * (restores its backup, saying so on {@code notices} first), every other scope refuses with exit 4.
     *
     * @param asked    what to migrate; a true flag that means dry run (see {@link DryRunFlags}) makes it a dry run
     * @param progress receives one line per event (step started, files done), for the user
     * @param notices  receives what the user must hear even when progress is silenced (a recovery)
     * @return what changed
     */
    public RunResult migrate(RunRequest asked, Consumer<String> progress, Consumer<String> notices) {
        // a flag that means dry run makes the whole run one, before anything is looked at or written
        FlagValues.check(settings, registry.flags(), registry.flagConflicts());
        RunRequest request = DryRunFlags.apply(asked, registry.flags(), settings, notices);
        Installation found = located(request);
        NetworkFileSystem.refuse(found.root(), settings.allowNetworkFs());
        if (request.dryRun()) {
            // a dry run writes nothing, not even the lock file: it only looks
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
            return run(request, found, progress);
        }
        if (!Files.exists(found.stateFolder().resolve(Journal.FILE))) {
            planOf(request, found); // a usage error (unknown version, product) stops here, before the lock file is made
        }
        try (InstallationLock lock = InstallationLock.acquire(found.stateFolder())) {
            Optional<Journal.Intent> interrupted = InterruptedMigration.underLock(Installation.at(found.root()), notices);
            Optional<RecoveredRun> recovered = Optional.empty();
            if (interrupted.isPresent()) {
                if (request.scope() != Scope.VERSION || interrupted.get().backupId().isEmpty()) {
                    throw InterruptedMigration.refusal(found, interrupted.get());
                }
                Journal.Intent intent = interrupted.get();
                notices.accept("recovering: " + InterruptedMigration.describe(intent) + "; restoring that backup first");
                recovered = Optional.of(new RecoveredRun(intent.backupId().get(), intent.from(), intent.to()));
                restore(Installation.at(found.root()), backupFolder(found).resolve(intent.backupId().get()), progress);
            }
            RunResult result = run(request, located(request), progress);
            return recovered.map(result::withRecovered).orElse(result);
        }
    }

    private Installation located(RunRequest request) {
        return request.scope() == Scope.VERSION ? Installation.at(request.target()) : Installation.around(request.target());
    }

    private MigrationPlan planOf(RunRequest request, Installation installation) {
        String product = installation.product(request.product());
        String from = request.from().or(installation::version).orElseThrow(() -> new InputFailure(ErrorCode.USAGE,                 installation.root().resolve(Installation.VERSION_FILE) + ": missing, and no --from given; give --from"));
        try {
            return planFor(product, from, request.to(), request.allowLossy());
        } catch (NoPathFailure e) {
            if (request.from().isPresent() || e.missing() != NoPathFailure.Missing.SOURCE) {
                throw e;
            }
            // the source came from the installation: name where, so the user knows which file to look at
            throw e.readFrom(installation.versionSource());
        }
    }

    private RunResult run(RunRequest request, Installation installation, Consumer<String> progress) {
        String product = installation.product(request.product());
        Product layout = registry.product(product).orElseThrow(() -> new NoPathFailure("unknown product '" + product
                + "'; known products: " + String.join(", ", registry.products().keySet()), product,
                NoPathFailure.Missing.PRODUCT, List.copyOf(registry.products().keySet()), List.of()));
        MigrationPlan plan = planOf(request, installation);
        RunTarget target = RunTarget.of(request, layout, installation);
        return new MigrationExecutor(registry, settings, clock).run(request, plan, target, progress);
    }

    /**
     * Runs the product's validation rules on an installation at its version (or the one given), every
     * category; the engine's own checks ({@code migrate validate} runs them too) are left out, so a rule
     * set's tests see their own findings alone.
     *
     * @param root    the installation
     * @param version the version to check against; empty: the recorded one
     * @return the findings
     */
    public ValidationReport validate(Path root, Optional<String> version) {
        return validate(ValidationRequest.rulesOnly(root, version), line -> { });
    }

    /**
     * Validates an installation as {@code migrate validate} asks: the product's rules and the engine's own
     * checks (security, performance, compatibility, known version), categories, strictness, {@code --full},
     * {@code --repair}.
     *
     * @param request  what to check
     * @param progress receives a line on hashing and on each repair
     * @return the findings, and what was repaired
     */
    public ValidationReport validate(ValidationRequest request, Consumer<String> progress) {
        return new InstallationValidation(registry, settings, clock).validate(request, progress);
    }

    private Path backupFolder(Installation installation) {
        return settings.backupDir().orElse(installation.stateFolder().resolve("backups")).toAbsolutePath().normalize();
    }

    /**
     * Restores a backup: the newest, the one with the id, or the one in the folder. With an interrupted
     * migration's journal present, the backup that journal names is the one restored unless another is named;
     * when that migration took no backup, no other backup is restored unless it is named.
     *
     * @param root       the installation
     * @param backupId   a backup id, when given
     * @param backupPath a backup folder, when given
     * @param progress   receives one line per event
     * @return what was restored
     */
    public RollbackResult rollback(Path root, Optional<String> backupId, Optional<Path> backupPath, Consumer<String> progress) {
        return rollback(root, backupId, backupPath, progress, progress);
    }

    /**
     * Restores a backup, as {@link #rollback(Path, Optional, Optional, Consumer)}, telling {@code notices} first
     * when it restores an interrupted migration.
     *
     * @param root       the installation
     * @param backupId   a backup id, when given
     * @param backupPath a backup folder, when given
     * @param progress   receives one line per event
     * @param notices    receives what the user must hear even when progress is silenced
     * @return what was restored
     */
    public RollbackResult rollback(Path root, Optional<String> backupId, Optional<Path> backupPath, Consumer<String> progress,
                                   Consumer<String> notices) {
        Installation found = Installation.at(root);
        NetworkFileSystem.refuse(found.root(), settings.allowNetworkFs());
        return new Rollback(found, backupFolder(found), clock).run(backupId, backupPath, progress, notices);
    }

    /**
     * The installation a backup was taken of, as its manifest records it: the root it mounts, or for a backup of a
     * {@code config}, {@code data} or {@code models} run the installation around the path it mounts. This is what
     * {@code migrate rollback --backup-path DIR} restores into when no {@code --path} is given.
     *
     * @param backup a backup folder
     * @return the installation root
     * @throws MigrationException with {@link ErrorCode#BACKUP_CORRUPT} when the folder holds no readable manifest
     */
    public Path installationOf(Path backup) {
        Path folder = backup.toAbsolutePath().normalize();
        if (!Files.isRegularFile(folder.resolve(BackupManifest.FILE))) {
            throw new InputFailure(ErrorCode.USAGE, folder + ": not a backup folder (it has no "
                    + BackupManifest.FILE + "); give a folder that 'migrate backups list' shows, or --path and --backup-id");
        }
        List<Mount> mounts = BackupStore.read(folder).mounts();
        return mounts.stream().filter(m -> m.logical().isEmpty()).map(Mount::real).findFirst()
                .orElseGet(() -> Installation.around(mounts.get(0).real()).root());
    }

    /**
     * The backup {@code rollback} would restore as things stand (the one named, else an interrupted migration's,
     * else the newest), so that the question asked before it can name it.
     *
     * @param root     the installation
     * @param backupId the id given, when one was
     * @return the backup, when there is one to restore
     */
    public Optional<BackupInfo> rollbackCandidate(Path root, Optional<String> backupId) {
        Installation found = Installation.at(root);
        return new Rollback(found, backupFolder(found), clock).candidate(backupId);
    }

    private void restore(Installation installation, Path backup, Consumer<String> progress) {
        new Rollback(installation, backupFolder(installation), clock).restore(installation, backup, progress);
    }

    /**
     * The installation's recorded version, history, and rules changed since they were applied.
     *
     * @param root the installation
     * @return the status
     */
    public StatusReport status(Path root) {
        Installation installation = Installation.at(root);
        List<HistoryEntry> history = History.in(installation.stateFolder()).read();
        Set<String> changed = new java.util.TreeSet<>();
        for (HistoryEntry entry : history) {
            entry.checksums().forEach((id, recorded) -> {
                Optional<MigrationRule> now = registry.rules().stream().filter(r -> r.descriptor().id().equals(id)).findFirst();
                if (now.isEmpty()) {
                    changed.add(id + ": applied in step " + entry.step() + " but no longer loaded");
                } else if (!RuleChecksum.of(now.get()).equals(recorded)) {
                    changed.add(id + ": checksum " + recorded + " recorded in step " + entry.step() + ", now " + RuleChecksum.of(now.get()));
                }
            });
        }
        Optional<String> inProgress = InstallationLock.holder(installation.stateFolder());
        Optional<String> interrupted = InterruptedMigration.withoutLock(installation)
                .map(i -> InterruptedMigration.describe(i) + "; " + InterruptedMigration.advice(installation.root(), i));
        return new StatusReport(installation.root(), installation.product(), installation.version(), history,
                List.copyOf(changed), interrupted, inProgress);
    }

    /**
     * The installation's backups, oldest first.
     *
     * @param root the installation
     * @return the backups
     */
    public List<BackupInfo> backups(Path root) {
        Installation installation = Installation.at(root);
        try {
            return new BackupStore(backupFolder(installation), clock).list();
        } catch (IOException e) {
            throw new EnvironmentFailure(backupFolder(installation) + ": cannot list backups (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Re-reads every entry of every backup against its manifest.
     *
     * @param root the installation
     * @return one check per backup, oldest first
     */
    public List<BackupCheck> verifyBackups(Path root) {
        List<BackupCheck> checks = new java.util.ArrayList<>();
        for (BackupInfo backup : backups(root)) {
            try {
                BackupVerifier.verify(backup.folder(), Installation.at(root).root());
                checks.add(new BackupCheck(backup, Optional.empty()));
            } catch (MigrationException e) {
                checks.add(new BackupCheck(backup, Optional.of(e.getMessage())));
            }
        }
        return List.copyOf(checks);
    }

    /**
     * Deletes all but the newest {@code backup.keep_last} backups.
     *
     * @param root the installation
     * @return the backups deleted, oldest first
     */
    public List<BackupInfo> pruneBackups(Path root) {
        return pruneBackups(root, line -> { });
    }

    /**
     * Deletes all but the newest {@code backup.keep_last} backups, and unfinished backups (no manifest) older than
     * this command's lock.
     *
     * @param root     the installation
     * @param progress told of each unfinished backup removed
     * @return the backups deleted, oldest first
     */
    public List<BackupInfo> pruneBackups(Path root, Consumer<String> progress) {
        Installation installation = Installation.at(root);
        int keep = (int) settings.wholeNumber("backup.keep_last", 3, 1, Integer.MAX_VALUE, "a whole number above 0");
        NetworkFileSystem.refuse(installation.root(), settings.allowNetworkFs());
        try (InstallationLock lock = InstallationLock.acquire(installation.stateFolder())) {
            Optional<String> needed = Journal.in(installation.stateFolder()).interrupted().flatMap(Journal.Intent::backupId);
            List<BackupInfo> all = backups(root);
            List<BackupInfo> removed = new java.util.ArrayList<>();
            for (BackupInfo backup : all.subList(0, Math.max(0, all.size() - Math.max(keep, 0)))) {
                if (needed.isPresent() && needed.get().equals(backup.id())) {
                    continue;
                }
                BackupStore.delete(backup.folder());
                removed.add(backup);
            }
            // under the lock no run of this installation is writing a backup: one without a manifest that predates
            // the lock is left by a process that died (or a full disk); another installation sharing --backup-dir may
            // be writing one now, so only those older than this lock go
            long lockTaken = clock.millis() - 1_000;
            BackupStore store = new BackupStore(backupFolder(installation), clock);
            for (Path unfinished : store.unfinished()) {
                if (Files.getLastModifiedTime(unfinished).toMillis() < lockTaken) {
                    AtomicFiles.deleteTree(unfinished);
                    progress.accept("removed the unfinished backup " + unfinished.getFileName() + " (its run never finished it)");
                }
            }
            return List.copyOf(removed);
        } catch (IOException e) {
            throw new EnvironmentFailure(backupFolder(installation) + ": cannot prune backups ("
                    + e.getMessage() + "); run it again", e);
        }
    }
}
