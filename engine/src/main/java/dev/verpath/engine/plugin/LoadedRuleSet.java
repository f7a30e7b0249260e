package dev.verpath.engine.plugin;

import dev.verpath.rules.RuleSet;
import java.util.Objects;

/**
 * A rule set and where it came from.
 *
 * @param ruleSet the rule set
 * @param origin  {@code built-in}, or {@code plugin <id>@<version>}
 */
public record LoadedRuleSet(RuleSet ruleSet, String origin) {

    /** The origin of rule sets on the engine's own class path. */
    public static final String BUILT_IN = "built-in";

    /** Checks that nothing is null. */
    public LoadedRuleSet {
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(origin, "origin");
    }
}
