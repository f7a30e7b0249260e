package dev.verpath.engine.plugin;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link RuleSetLoader} loaded: the registry of every rule set that loaded, and every plugin archive it
 * found with its state. Immutable.
 *
 * @param registry the built-in rule sets and those of the plugins that loaded
 * @param plugins  every plugin archive found, loaded or refused, sorted by id and then archive
 */
public record LoadedRules(RuleRegistry registry, List<PluginStatus> plugins) {

    /** Checks that nothing is null and copies the list. */
    public LoadedRules {
        Objects.requireNonNull(registry, "registry");
        plugins = List.copyOf(plugins);
    }

    /** @return the plugins that were refused, in the same order */
    public List<PluginStatus> refused() {
        return plugins.stream().filter(p -> !p.loaded()).toList();
    }
}
