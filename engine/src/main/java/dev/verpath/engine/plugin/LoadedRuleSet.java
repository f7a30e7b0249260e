package dev.verpath.engine.plugin;

import dev.verpath.rules.RuleSet;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule set and where it came from. Immutable.
 *
 * @param ruleSet the rule set
 * @param origin  {@code built-in}, or {@code plugin <id>@<version>}, as messages name it
 * @param owner   {@code built-in}, or the plugin id, as {@code [plugins] prefer} names it
 * @param archive the SHA-256 of the plugin archive its code loads from, as the loader hashed it while staging it
 *                (64 hex digits); empty for a rule set of the class path or one not loaded by the plugin loader
 */
public record LoadedRuleSet(RuleSet ruleSet, String origin, String owner, Optional<String> archive) {

    /** The origin (and owner) of rule sets on the engine's own class path. */
    public static final String BUILT_IN = "built-in";

    /** Checks that nothing is null. */
    public LoadedRuleSet {
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(archive, "archive");
    }

    /**
     * A rule set not loaded from a plugin archive.
     *
     * @param ruleSet the rule set
     * @param origin  where it came from
     * @param owner   who owns it, as {@code [plugins] prefer} names it
     */
    public LoadedRuleSet(RuleSet ruleSet, String origin, String owner) {
        this(ruleSet, origin, owner, Optional.empty());
    }

    /**
     * A rule set whose owner is its origin ({@code built-in} for the class path).
     *
     * @param ruleSet the rule set
     * @param origin  where it came from
     */
    public LoadedRuleSet(RuleSet ruleSet, String origin) {
        this(ruleSet, origin, origin);
    }

    /**
     * A rule set of a plugin.
     *
     * @param ruleSet  the rule set
     * @param pluginId the plugin's id
     * @param version  the plugin's version
     * @return the loaded rule set, origin {@code plugin <id>@<version>}, owner the id
     */
    public static LoadedRuleSet ofPlugin(RuleSet ruleSet, String pluginId, String version) {
        return new LoadedRuleSet(ruleSet, "plugin " + pluginId + "@" + version, pluginId);
    }

    /**
     * A rule set of a plugin the plugin loader loaded from a staged archive.
     *
     * @param ruleSet  the rule set
     * @param pluginId the plugin's id
     * @param version  the plugin's version
     * @param sha256   the SHA-256 of the archive its code loads from ({@link PluginStatus#sha256})
     * @return the loaded rule set, origin {@code plugin <id>@<version>}, owner the id
     */
    static LoadedRuleSet ofPlugin(RuleSet ruleSet, String pluginId, String version, String sha256) {
        return new LoadedRuleSet(ruleSet, "plugin " + pluginId + "@" + version, pluginId, Optional.of(sha256));
    }

    /** @return true for a rule set on the engine's own class path */
    public boolean builtIn() {
        return owner.equals(BUILT_IN);
    }
}
