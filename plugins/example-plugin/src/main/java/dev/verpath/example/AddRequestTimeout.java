package dev.verpath.example;

import dev.verpath.rules.FileRule;
import dev.verpath.rules.FlagFailure;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;

/**
 * Adds {@code request_timeout_seconds} to the {@code [server]} table of {@code config/server.toml}, at the end of
 * the table, and keeps every other line (comments included) as it is. A config that sets the key already keeps its
 * value. Stateless and immutable, like every rule.
 */
final class AddRequestTimeout implements FileRule {

    static final String CONFIG = "config/server.toml";
    static final String KEY = "server.request_timeout_seconds";

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.of("serve-hotfix-example.2.1.1.config", RuleKind.CONFIG)
            .named("Add the request timeout",
                    "Adds request_timeout_seconds to the [server] table of config/server.toml. A value already set is kept.")
            .edge("serve", "2.1.0", "2.1.1")
            .breakingChanges("Requests that take longer than request_timeout_seconds are cancelled.")
            .paths(CONFIG)
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void apply(RuleContext context) throws IOException {
        if (!context.workspace().isFile(CONFIG)) {
            throw new RuleFailure(CONFIG, "missing; a serve 2.1.0 installation has one");
        }
        long timeout = context.integerFlag(ServeHotfixRuleSet.TIMEOUT); // the engine checked it is a whole number
        if (timeout < 1) {
            throw new FlagFailure(ServeHotfixRuleSet.TIMEOUT.name(), "SERVE_HOTFIX_TIMEOUT_SECONDS is " + timeout
                    + ", not a number of seconds; set it to 1 or more");
        }
        context.editToml(CONFIG, toml -> {
            if (!toml.has(KEY)) {
                toml.set(KEY, JsonValue.of(timeout));
                context.report().count("keys_added", 1);
            }
        });
    }
}
