package dev.verpath.plugins.wan;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.RunRequest;
import dev.verpath.engine.RunResult;
import dev.verpath.engine.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.SettingsLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The engine over the wan rule set, with the flags a test sets as environment variables. */
final class Installations {

    private Installations() {
    }

    /**
     * @param env environment variables, e.g. {@code WAN_ENABLE_LEGACY_FALLBACK=false}
     * @return an engine with the wan rules only
     */
    static MigrationEngine engine(Map<String, String> env) {
        return MigrationEngine.create(RuleRegistry.ofBuiltIns(new WanRuleSet()),
                new SettingsLoader(env).load(Optional.empty(), Map.of()));
    }

    /** @return an engine with the default flags */
    static MigrationEngine engine() {
        return engine(Map.of());
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
