package dev.verpath.plugins.wan;

import org.pf4j.Plugin;

/**
 * The plugin of the {@code wan} product. It holds no state: PF4J finds its {@link WanRuleSet} through the
 * extension index, and starting or stopping the plugin changes nothing.
 */
public final class WanOrchestratorPlugin extends Plugin {

    /** Created by PF4J when the plugin loads. */
    public WanOrchestratorPlugin() {
        super();
    }
}
