package dev.verpath.cli;

import dev.verpath.engine.plugin.LoadedRuleSet;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;

/**
 * Loads every rule set through PF4J: the built-in ones from the class path and those of the plugins in
 * the configured plugin folders. A plugin folder that does not exist is skipped (no plugins there).
 */
final class RuleSetLoading {

    private RuleSetLoading() {
    }

    /**
     * Loads the rule sets the settings allow and builds the registry.
     *
     * @param settings the effective settings ({@code plugins.dir}, {@code plugins.enabled})
     * @return the registry: built-in rule sets first, then plugin ones, each sorted by id
     */
    static RuleRegistry registry(EngineSettings settings) {
        List<Path> roots = settings.pluginsEnabled()
                ? settings.pluginDirs().stream().filter(Files::isDirectory).toList()
                : List.of();
        PluginManager plugins = new PluginFolders(roots);
        plugins.loadPlugins();
        plugins.startPlugins();
        List<LoadedRuleSet> loaded = new ArrayList<>();
        for (RuleSet set : plugins.getExtensions(RuleSet.class)) {
            PluginWrapper plugin = plugins.whichPlugin(set.getClass());
            String origin = plugin == null
                    ? LoadedRuleSet.BUILT_IN
                    : "plugin " + plugin.getPluginId() + "@" + plugin.getDescriptor().getVersion();
            loaded.add(new LoadedRuleSet(set, origin));
        }
        loaded.sort(Comparator.comparing((LoadedRuleSet l) -> !l.origin().equals(LoadedRuleSet.BUILT_IN))
                .thenComparing(l -> l.ruleSet().id()));
        return RuleRegistry.of(loaded);
    }

    /** A plugin manager over exactly the given folders: no implicit {@code ./plugins}. */
    private static final class PluginFolders extends DefaultPluginManager {

        PluginFolders(List<Path> roots) {
            super(new ArrayList<>(roots));
        }

        @Override
        protected List<Path> createPluginsRoot() {
            return new ArrayList<>();
        }

        @Override
        protected PluginStatusProvider createPluginStatusProvider() {
            if (getPluginsRoots().isEmpty()) {
                return new EveryPluginEnabled();
            }
            return super.createPluginStatusProvider();
        }
    }

    /** Without a plugin folder there is no enabled.txt or disabled.txt to read. */
    private static final class EveryPluginEnabled implements PluginStatusProvider {

        @Override
        public boolean isPluginDisabled(String pluginId) {
            return false;
        }

        @Override
        public void disablePlugin(String pluginId) {
            throw new UnsupportedOperationException("no plugin folder to record a disabled plugin in");
        }

        @Override
        public void enablePlugin(String pluginId) {
            // every plugin is enabled already
        }
    }
}
