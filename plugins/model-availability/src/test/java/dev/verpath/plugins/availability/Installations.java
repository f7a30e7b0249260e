package dev.verpath.plugins.availability;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.RunRequest;
import dev.verpath.engine.RunResult;
import dev.verpath.engine.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import java.nio.file.Path;
import java.util.Optional;

/** The engine over the model-availability rule set. */
final class Installations {

    private Installations() {
    }

    /** @return an engine with the model-availability rules only */
    static MigrationEngine engine() {
        return MigrationEngine.create(RuleRegistry.ofBuiltIns(new AvailabilityRuleSet()), EngineSettings.defaults());
    }

    /**
     * Migrates the whole installation to 2.0.0, with a backup.
     *
     * @param engine the engine
     * @param root   the installation
     * @param dryRun whether to only list the changes
     * @return the result
     */
    static RunResult migrate(MigrationEngine engine, Path root, boolean dryRun) {
        return engine.migrate(new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(),
                Optional.of(AvailabilityLayout.V2_0_0), dryRun, false, true, false), line -> { });
    }
}
