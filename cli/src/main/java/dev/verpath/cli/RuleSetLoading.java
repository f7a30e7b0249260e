package dev.verpath.cli;

import dev.verpath.engine.plugin.LoadedRules;
import dev.verpath.engine.plugin.PluginStatus;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.plugin.RuleSetLoader;
import dev.verpath.engine.settings.EngineSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Loads every rule set through the engine's {@link RuleSetLoader}: the built-in ones from the class path,
 * then the plugins of the distribution's own plugins folder (the system property {@value #DISTRIBUTION_PLUGINS},
 * which the {@code migrate} launcher sets) and of {@code plugins.dir} ({@code --plugins-dir},
 * {@code $MIGRATE_PLUGINS_DIR}, {@code [plugins] dir}); none with {@code --no-plugins}. A plugin folder that
 * does not exist is skipped.
 *
 * <p>A refused plugin does not stop the command: it is left out, with one warning line on stderr, and
 * {@code migrate plugins list} shows why. A command that needs it then fails on its own terms (an unknown
 * product, a version no edge reaches). Two rule sources claiming one edge stop every command that loads rules.
 */
final class RuleSetLoading {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuleSetLoading.class);

    /** The system property naming the distribution's plugins folder. */
    static final String DISTRIBUTION_PLUGINS = "verpath.plugins";

    private RuleSetLoading() {
    }

    /**
     * The distribution's own plugins folder, when the command runs from a distribution that has one.
     *
     * @return the folder named by {@value #DISTRIBUTION_PLUGINS}, or empty
     */
    static Optional<Path> distributionFolder() {
        return Optional.ofNullable(System.getProperty(DISTRIBUTION_PLUGINS)).filter(s -> !s.isBlank()).map(Path::of);
    }

    /**
     * Loads the rule sets the settings allow, and reports every plugin archive found.
     *
     * @param settings the effective settings ({@code plugins.*})
     * @return the registry and the plugins' states
     */
    static LoadedRules load(EngineSettings settings) {
        // the distribution's own plugins ship with the release: [plugins] allow pins the plugins teams add
        return RuleSetLoader.of(settings).load(RuleSetLoader.folders(settings, distributionFolder()),
                distributionFolder().map(java.util.Set::of).orElse(java.util.Set.of()));
    }

    /**
     * Loads the rule sets the settings allow and builds the registry.
     *
     * @param settings the effective settings
     * @return the registry: built-in rule sets first, then plugin ones, each sorted by id
     */
    static RuleRegistry registry(EngineSettings settings) {
        return load(settings).registry();
    }

    /**
     * Builds the registry and warns about every refused plugin.
     *
     * @param settings the effective settings
     * @param warn     receives one line per refused plugin
     * @param refusals receives one phrase per refused plugin, for a failure it may explain
     * @return the registry
     */
    static RuleRegistry registry(EngineSettings settings, Consumer<String> warn, List<String> refusals) {
        return registry(settings, warn, refusals, new java.util.ArrayList<>());
    }

    /**
     * Builds the registry, warns about every refused plugin, and lists the plugins loaded.
     *
     * @param settings the effective settings
     * @param warn     receives one line per refused plugin
     * @param refusals receives one phrase per refused plugin, for a failure it may explain
     * @param loaded   receives every plugin loaded
     * @return the registry
     */
    static RuleRegistry registry(EngineSettings settings, Consumer<String> warn, List<String> refusals,
                                 List<PluginStatus> loaded) {
        LoadedRules rules = load(settings);
        rules.plugins().stream().filter(p -> p.refusal().isEmpty()).forEach(loaded::add);
        loaded.forEach(p -> LOG.info("plugin {}@{} loaded from {} (sha256 {})", p.id(), p.version(), p.archive(), p.sha256()));
        for (PluginStatus refused : rules.refused()) {
            warn.accept("warning: plugin " + Invocation.display(refused.archive().getFileName()) + " not loaded: "
                    + refused.refusal().orElseThrow() + " (see 'migrate plugins list')");
            refusals.add("plugin " + Invocation.display(refused.archive().getFileName()) + " (" + refused.id() + ") was not"
                    + " loaded: " + refused.refusal().orElseThrow());
        }
        return rules.registry();
    }
}
