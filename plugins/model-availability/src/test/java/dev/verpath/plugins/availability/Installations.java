package dev.verpath.plugins.availability;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.testkit.Fixture;
import dev.verpath.testkit.Fixtures;
import dev.verpath.testkit.InstallationTrees;
import dev.verpath.testkit.MigrationCheck;
import java.nio.file.Path;
import java.util.Optional;

/** The model-availability rules through the test kit: the basic-system fixture and the engine. */
final class Installations {

    /** A basic model management installation, and what 1.0.0 -> 2.0.0 makes of it. */
    static final Fixture BASIC_SYSTEM = Fixtures.named(Fixtures.inTestResources(""), "step-1.0.0-to-2.0.0/basic-system");

    private Installations() {
    }

    /** @return the kit's check over the model-availability rules only */
    static MigrationCheck check() {
        return MigrationCheck.ofBuiltIns(new AvailabilityRuleSet());
    }

    /** @return an engine with the model-availability rules only */
    static MigrationEngine engine() {
        return MigrationEngine.create(RuleRegistry.ofBuiltIns(new AvailabilityRuleSet()), EngineSettings.defaults());
    }

    /**
     * Copies the basic system of the fixture.
     *
     * @param target a folder that does not exist yet
     * @return the target
     */
    static Path install(Path target) {
        InstallationTrees.copy(BASIC_SYSTEM.before(), target);
        return target;
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
