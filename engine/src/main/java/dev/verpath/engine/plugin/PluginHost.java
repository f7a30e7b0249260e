package dev.verpath.engine.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.CompoundPluginRepository;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginRepository;
import org.pf4j.PluginStatusProvider;
import org.pf4j.RuntimeMode;

/**
 * The PF4J plugin manager the loader drives: it scans no folder itself (no implicit {@code ./plugins}, no
 * {@code pf4j.pluginsDir}), ignores PF4J's development mode and enabled/disabled files, and loads only the
 * staged archives the loader hands it one by one after they passed its checks. Rules never see it.
 */
final class PluginHost extends DefaultPluginManager {

    PluginHost() {
        super(new ArrayList<>());
    }

    /**
     * Reads a staged archive's descriptor the way PF4J will (plugin.properties, else the manifest), loading
     * no class.
     *
     * @param staged a staged jar or unpacked zip
     * @return the descriptor
     * @throws org.pf4j.PluginRuntimeException when there is none
     */
    PluginDescriptor describe(Path staged) {
        return getPluginDescriptorFinder().find(staged);
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new DescriptorFinder();
    }

    /** No repository: the loader hands over each staged archive (PF4J's default would set up three, unused). */
    @Override
    protected PluginRepository createPluginRepository() {
        return new CompoundPluginRepository();
    }

    @Override
    protected List<Path> createPluginsRoot() {
        return new ArrayList<>();
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        return RuntimeMode.DEPLOYMENT;
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return new EveryPluginEnabled();
    }

    /** The loader decides which plugins load; there is no enabled.txt or disabled.txt. */
    private static final class EveryPluginEnabled implements PluginStatusProvider {

        @Override
        public boolean isPluginDisabled(String pluginId) {
            return false;
        }

        @Override
        public void disablePlugin(String pluginId) {
            throw new UnsupportedOperationException("plugins are refused by the loader, not disabled");
        }

        @Override
        public void enablePlugin(String pluginId) {
            // every plugin handed over is enabled already
        }
    }
}
