package dev.verpath.plugins.wan;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.testkit.Fixture;
import dev.verpath.testkit.Fixtures;
import dev.verpath.testkit.InstallationTrees;
import dev.verpath.testkit.MigrationCheck;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The wan rules through the test kit: the three-model fixture, and the engine with the flags a test sets. */
final class Installations {

    /** A legacy installation of three WAN2.2 models and an upscaler, and what 1.0.0 -> 2.0.0 makes of it. */
    static final Fixture THREE_MODELS = Fixtures.named(Fixtures.inTestResources(""), "step-1.0.0-to-2.0.0/three-models");

    private Installations() {
    }

    /**
     * @param env environment variables, e.g. {@code WAN_ENABLE_LEGACY_FALLBACK=false}
     * @return the kit's check over the wan rules only, with these flags
     */
    static MigrationCheck check(Map<String, String> env) {
        MigrationCheck check = MigrationCheck.ofBuiltIns(new WanRuleSet());
        for (Map.Entry<String, String> flag : env.entrySet()) {
            check = check.withFlag(flag.getKey(), flag.getValue());
        }
        return check;
    }

    /**
     * @param env environment variables
     * @return an engine with the wan rules only
     */
    static MigrationEngine engine(Map<String, String> env) {
        return MigrationEngine.create(RuleRegistry.ofBuiltIns(new WanRuleSet()), new SettingsLoader(env).load(Optional.empty(), Map.of()));
    }

    /** @return an engine with the default flags */
    static MigrationEngine engine() {
        return engine(Map.of());
    }

    /**
     * Copies the legacy installation of the three-model fixture.
     *
     * @param target a folder that does not exist yet
     * @return the target
     */
    static Path install(Path target) {
        InstallationTrees.copy(THREE_MODELS.before(), target);
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
                Optional.of(WanLayout.V2_0_0), dryRun, false, true, false), line -> { });
    }
}
