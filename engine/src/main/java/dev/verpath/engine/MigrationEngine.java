package dev.verpath.engine;

import dev.verpath.engine.backup.BackupInfo;
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
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Runs (or dry-runs) a migration: {@code migrate version|config|data|models}.
     *
     * @param request  what to migrate
     * @param progress receives one line per event (step started, files done), for the user
     * @return what changed
     */
    public RunResult migrate(RunRequest request, Consumer<String> progress) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Validates an installation at its version (or the one given).
     *
     * @param root    the installation
     * @param version the version to check against; empty: the recorded one
     * @return the findings
     */
    public ValidationReport validate(Path root, Optional<String> version) {
        throw new UnsupportedOperationException("not yet");
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
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The installation's recorded version, history, and rules changed since they were applied.
     *
     * @param root the installation
     * @return the status
     */
    public StatusReport status(Path root) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The installation's backups, oldest first.
     *
     * @param root the installation
     * @return the backups
     */
    public List<BackupInfo> backups(Path root) {
        throw new UnsupportedOperationException("not yet");
    }
}
