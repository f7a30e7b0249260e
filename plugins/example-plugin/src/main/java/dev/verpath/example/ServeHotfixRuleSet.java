package dev.verpath.example;

import dev.verpath.rules.DeclaredRuleSet;
import dev.verpath.rules.FlagDescriptor;
import org.pf4j.Extension;

/**
 * The plugin's rule set. {@code @Extension} makes PF4J's annotation processor list it in
 * {@code META-INF/extensions.idx}, which is how the engine finds it in the plugin jar. It declares no product:
 * it adds an edge to {@code serve}, which the built-in rules declare.
 */
@Extension
public final class ServeHotfixRuleSet extends DeclaredRuleSet {

    /** The flag that sets the timeout the rule writes. */
    static final FlagDescriptor TIMEOUT = FlagDescriptor.integer("SERVE_HOTFIX_TIMEOUT_SECONDS", 30,
            "The request timeout in seconds that the serve 2.1.1 hotfix writes into the config.");

    /** Declares the rule, the validation and the flag. */
    public ServeHotfixRuleSet() {
        super(DeclaredRuleSet.of("serve-hotfix-example")
                .rules(new AddRequestTimeout())
                .validations(new RequestTimeoutValidation())
                .flags(TIMEOUT));
    }
}
