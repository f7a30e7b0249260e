package dev.verpath.plugins.availability;

import org.pf4j.Plugin;

/**
 * The plugin of the {@code model-availability} product. It holds no state: PF4J finds its
 * {@link AvailabilityRuleSet} through the extension index, and starting or stopping the plugin changes nothing.
 */
public final class ModelAvailabilityPlugin extends Plugin {

    /** Created by PF4J when the plugin loads. */
    public ModelAvailabilityPlugin() {
        super();
    }
}
