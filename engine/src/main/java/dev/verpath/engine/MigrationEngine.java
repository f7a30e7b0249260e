package dev.verpath.engine;

import dev.verpath.engine.backup.BackupCheck;
import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.backup.BackupRestore;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.backup.BackupVerifier;
import dev.verpath.engine.execute.MigrationExecutor;
import dev.verpath.engine.execute.RunTarget;
import dev.verpath.engine.journal.History;
import dev.verpath.engine.journal.HistoryEntry;
import dev.verpath.engine.journal.InstallationLock;
import dev.verpath.engine.journal.Journal;
import dev.verpath.engine.journal.RuleChecksum;
import dev.verpath.engine.plan.FewestStepsPlanner;
import dev.verpath.engine.plan.PlanEstimator;
import dev.verpath.engine.validate.InstallationValidation;
import dev.verpath.engine.validate.ValidationRequest;
import dev.verpath.rules.ErrorCode;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeMap;
import dev.verpath.engine.graph.VersionGraph;
import dev.verpath.engine.plan.MigrationPlan;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import java.nio.file.Path;
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
        return VersionGraph.of(registry);
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
                new MigrationException(ErrorCode.USAGE, installation.map(i -> i.root().resolve(Installation.VERSION_FILE) + ": missing; ")
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
        Installation found = request.scope() == Scope.VERSION ? Installation.at(request.target()) : Installation.around(request.target());
        Installation installation = recoverIfInterrupted(found, request.dryRun(), progress) ? Installation.at(found.root()) : found;
        String product = request.product().orElse(installation.product());
        Product layout = registry.product(product).orElseThrow(() -> new MigrationException(ErrorCode.NO_PATH,
                "unknown product '" + product + "'; known products: " + String.join(", ", registry.products().keySet())));
        String from = request.from().or(installation::version).orElseThrow(() -> new MigrationException(ErrorCode.USAGE,
                installation.root().resolve(Installation.VERSION_FILE) + ": missing, and no --from given; give --from"));
        MigrationPlan plan = planFor(product, from, request.to(), request.allowLossy());
        RunTarget target = RunTarget.of(request, layout, installation);
        return new MigrationExecutor(registry, settings, clock).run(request, plan, target, progress);
    }

    /**
     * Recovers a migration interrupted while committing (its journal is still there) by restoring the backup
     * it names: the installation is then exactly as before that migration.
     *
     * @return true when a recovery ran
     */
    private boolean recoverIfInterrupted(Installation installation, boolean dryRun, Consumer<String> progress) {
        Optional<Journal.Intent> interrupted = Journal.in(installation.stateFolder()).interrupted();
        if (interrupted.isEmpty()) {
            return false;
        }
        Path journal = installation.stateFolder().resolve(Journal.FILE);
        if (dryRun || interrupted.get().backupId().isEmpty()) {
            throw new MigrationException(ErrorCode.RECOVERY_NEEDED, journal + ": a migration " + interrupted.get().from() + " -> "
                    + interrupted.get().to() + " was interrupted" + (dryRun ? "" : " and took no backup")
                    + "; run 'migrate rollback --path " + installation.root() + "' first");
        }
        progress.accept("recovering the interrupted migration " + interrupted.get().from() + " -> " + interrupted.get().to()
                + " from backup " + interrupted.get().backupId().get());
        rollback(installation.root(), interrupted.get().backupId(), Optional.empty(), progress);
        return true;
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
     * Restores a backup: the newest, the one with the id, or the one in the folder.
     *
     * @param root       the installation
     * @param backupId   a backup id, when given
     * @param backupPath a backup folder, when given
     * @param progress   receives one line per event
     * @return what was restored
     */
    public RollbackResult rollback(Path root, Optional<String> backupId, Optional<Path> backupPath, Consumer<String> progress) {
        Installation installation = Installation.at(root);
        BackupStore store = new BackupStore(backupFolder(installation), clock);
        try (InstallationLock lock = InstallationLock.acquire(installation.stateFolder())) {
            Path backup;
            if (backupPath.isPresent()) {
                backup = backupPath.get().toAbsolutePath().normalize();
            } else if (backupId.isPresent()) {
                backup = store.folder().resolve(backupId.get());
            } else if (Journal.in(installation.stateFolder()).interrupted().flatMap(Journal.Intent::backupId).isPresent()) {
                backup = store.folder().resolve(Journal.in(installation.stateFolder()).interrupted().flatMap(Journal.Intent::backupId).get());
            } else {
                List<BackupInfo> all = store.list();
                if (all.isEmpty()) {
                    throw new MigrationException(ErrorCode.USAGE, store.folder() + ": no backup to roll back to; nothing was changed");
                }
                backup = all.get(all.size() - 1).folder();
            }
            progress.accept("verifying backup " + backup.getFileName());
            // verified and its archive extracted into staging (read once) before anything live is touched
            try (BackupRestore restore = BackupRestore.stage(backup, installation.root(),
                    installation.stateFolder().resolve("staging").resolve("rollback"))) {
                BackupManifest manifest = restore.manifest();
                progress.accept("restoring " + manifest.entries().size() + " entries");
                Instant now = clock.instant();
                String current = installation.version().orElse("?");
                Journal journal = Journal.in(installation.stateFolder());
                if (journal.interrupted().isEmpty() && backup.getParent().equals(store.folder())) {
                    // a crash during the restore leaves this journal: the next command restores the same backup again
                    journal.begin(new Journal.Intent(Optional.of(manifest.id()), manifest.product(), current, manifest.from(), now.toString()));
                }
                int restored = restore.apply(Set.of(store.folder()));
                History.in(installation.stateFolder()).append(List.of(new HistoryEntry(
                        History.in(installation.stateFolder()).read().size() + 1, manifest.product(), "rollback", current,
                        manifest.from(), new TreeMap<>(), now, Duration.ZERO, "success")));
                Journal.in(installation.stateFolder()).end();
                return new RollbackResult(manifest.id(), restored, manifest.from());
            }
        } catch (IOException e) {
            throw new MigrationException(ErrorCode.IO_FAILED, installation.root() + ": rollback failed (" + e.getMessage()
                    + "); run it again: a restore can be repeated", e);
        }
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
        Optional<String> interrupted = Journal.in(installation.stateFolder()).interrupted().map(i -> "migration " + i.from() + " -> "
                + i.to() + " interrupted while committing" + i.backupId().map(b -> " (backup " + b + ")").orElse("")
                + "; run 'migrate rollback --path " + installation.root() + "'");
        return new StatusReport(installation.root(), installation.product(), installation.version(), history,
                List.copyOf(changed), interrupted);
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
            throw new MigrationException(ErrorCode.IO_FAILED, backupFolder(installation) + ": cannot list backups (" + e.getMessage() + ")", e);
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
                BackupVerifier.verify(backup.folder());
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
        Installation installation = Installation.at(root);
        int keep = settings.value("backup.keep_last").map(Integer::parseInt).orElse(3);
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
            return List.copyOf(removed);
        } catch (IOException e) {
            throw new MigrationException(ErrorCode.IO_FAILED, backupFolder(installation) + ": cannot prune backups ("
                    + e.getMessage() + "); run it again", e);
        }
    }
}
