package dev.verpath.engine;

import dev.verpath.engine.backup.BackupCheck;
import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.backup.BackupKeys;
import dev.verpath.engine.execute.DryRunFlags;
import dev.verpath.engine.execute.KeptForecast;
import dev.verpath.engine.execute.LockedRun;
import dev.verpath.engine.execute.ResolvedRun;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.files.NetworkFileSystem;
import dev.verpath.engine.graph.VersionGraph;
import dev.verpath.engine.model.PlanRequest;
import dev.verpath.engine.model.ReuseForecast;
import dev.verpath.engine.model.RollbackResult;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.StatusReport;
import dev.verpath.engine.model.SystemSnapshot;
import dev.verpath.engine.plan.EdgeRisks;
import dev.verpath.engine.plan.FewestStepsPlanner;
import dev.verpath.engine.plan.MigrationPlan;
import dev.verpath.engine.plan.MachineRates;
import dev.verpath.engine.plan.PlanEstimator;
import dev.verpath.engine.plan.RiskPlanning;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.release.ReleaseLayout;
import dev.verpath.engine.restore.RestoreChecks;
import dev.verpath.engine.restore.Rollback;
import dev.verpath.engine.service.ServiceHooks;
import dev.verpath.engine.settings.BackupRetention;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.validate.InstallationValidation;
import dev.verpath.engine.validate.ValidationReport;
import dev.verpath.engine.validate.ValidationRequest;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.rules.MigrationException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine's front door: everything the {@code migrate} command does goes through here. One engine
 * serves one command; it holds the loaded rules and the effective settings. Not thread-safe.
 */
public final class MigrationEngine {

    private final RuleRegistry registry;
    private final EngineSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final ProgressListener listener;
    private final Optional<SystemSnapshot> system;

    private MigrationEngine(RuleRegistry registry, EngineSettings settings, ProgressListener listener,
                            Optional<SystemSnapshot> system) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.system = Objects.requireNonNull(system, "system");
    }

    /**
     * An engine over the given rules and settings.
     *
     * @param registry the loaded rule sets
     * @param settings the effective settings
     * @return the engine
     */
    public static MigrationEngine create(RuleRegistry registry, EngineSettings settings) {
        return new MigrationEngine(registry, settings, ProgressListener.NONE, Optional.empty());
    }

    /**
     * This engine, telling a listener how its long phases go (hashing, record passes, backup, commit, restore,
     * validation, backup verification), beside the one-line progress messages each command takes.
     *
     * @param listener told of each long phase; called from worker threads too
     * @return a new engine over the same rules and settings
     */
    public MigrationEngine withProgress(ProgressListener listener) {
        return new MigrationEngine(registry, settings, listener, system);
    }

    /**
     * @param snapshot Verpath, plugins, Java, OS and settings, as the caller knows them
     * @return this engine, recording that system in each backup's manifest
     */
    public MigrationEngine withSystem(SystemSnapshot snapshot) {
        return new MigrationEngine(registry, settings, listener, Optional.of(snapshot));
    }

    /** @return the loaded rules */
    public RuleRegistry registry() { return registry; }

    /** @return the effective settings */
    public EngineSettings settings() { return settings; }

    /** @return the version graph of every product */
    public VersionGraph graph() { return registry.graph(); }

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
        MigrationPlan plan = RiskPlanning.planTo(new FewestStepsPlanner(graph()), product, from, request.to(),
                request.allowLossy(), EdgeRisks.on(registry, settings, product, request.root(), from));
        return installation.map(i -> plan.withEstimate(new PlanEstimator(MachineRates.of(i.stateFolder()),
                registry.files(product), settings.backupBeforeMigration()).estimate(plan, i.root()))).orElse(plan);
    }

    /**
     * @param root an installation
     * @param plan its plan ({@link #plan}) for {@code migrate version}
     * @return the record files whose output the step cache keeps for their bytes now ({@code migrate info})
     */
    public ReuseForecast reuse(Path root, MigrationPlan plan) { return KeptForecast.of(registry, settings, plan, root); }

    /**
     * Runs (or dry-runs) a migration: {@code migrate version|config|data|models}.
     *
     * @param request  what to migrate
     * @param progress receives one line per event (step started, files done), for the user
     * @return what changed
     */
    public RunResult migrate(RunRequest request, Consumer<String> progress) { return migrate(request, progress, progress); }

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
        RunResult result = new LockedRun(registry, settings, clock, listener, system).run(asked, progress, notices);
        if (!result.dryRun()) {
            Installation installation = ResolvedRun.locate(asked);
            backups(installation).autoPrune(BackupRetention.of(settings), result.backupId(), progress, notices);
            new RemoteBackups(settings, listener).autoPush(installation, result.backupId(), progress, notices);
        }
        return result;
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
        return new InstallationValidation(registry, settings, clock, listener).validate(request, progress);
    }

    private InstallationBackups backups(Installation installation) {
        return new InstallationBackups(installation, backupFolder(installation), clock, listener, BackupKeys.of(settings));
    }

    private Path backupFolder(Installation installation) { return installation.backupFolder(settings.backupDir()); }

    /**
     * Restores a backup: the newest, the one with the id, or the one in the folder. With an interrupted migration's
     * journal present, the backup it names is restored unless another is named (none when it took no backup).
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
     * Restores a backup, as {@link #rollback(Path, Optional, Optional, Consumer)}, with the hooks around it, telling
     * {@code notices} first when it restores an interrupted migration.
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
        return new Rollback(found, backupFolder(found), clock, listener).withKeys(BackupKeys.of(settings)).run(backupId,
                backupPath, progress, notices, RestoreChecks.of(registry, settings, clock, listener));
    }

    /**
     * The installation a backup was taken of, as its manifest records it (for a backup of a {@code config}, {@code data}
     * or {@code models} run, the installation around the path it mounts): {@code rollback --backup-path DIR}'s target.
     *
     * @param backup a backup folder
     * @return the installation root
     * @throws MigrationException with {@link ErrorCode#BACKUP_CORRUPT} when the folder holds no readable manifest
     */
    public Path installationOf(Path backup) {
        return Rollback.installationOf(backup);
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
        return new Rollback(Installation.at(root), backupFolder(Installation.at(root)), clock).candidate(backupId);
    }

    /**
     * The releases behind a symbolic link ({@code migrate releases}, {@code rollback --path LINK}).
     *
     * @param link the link the server reads through
     * @return its releases, switched under the product's hooks and health check
     */
    public ReleaseLayout releases(Path link) {
        return ReleaseLayout.of(link, product -> ServiceHooks.settingsFor(settings, registry, product));
    }

    /**
     * @param root the installation
     * @return the status: its recorded version, history, and rules changed since they were applied
     */
    public StatusReport status(Path root) {
        return InstallationStatus.of(registry, Installation.at(root));
    }

    /**
     * The installation's backups, oldest first.
     *
     * @param root the installation
     * @return the backups
     */
    public List<BackupInfo> backups(Path root) {
        return backups(Installation.at(root)).list();
    }

    /**
     * Re-reads every entry of every backup against its manifest.
     *
     * @param root the installation
     * @return one check per backup, oldest first
     */
    public List<BackupCheck> verifyBackups(Path root) {
        return backups(Installation.at(root)).verify();
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
        NetworkFileSystem.refuse(installation.root(), settings.allowNetworkFs());
        return backups(installation).prune(settings.keepLast(), progress);
    }
}
