package dev.verpath.example;

import dev.verpath.rules.FileRule;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds {@code request_timeout_seconds} to the {@code [server]} table of {@code config/server.toml}, right
 * after the table's header, and keeps every other line as it is. A config that sets the key already keeps its
 * value. Stateless and immutable, like every rule.
 */
final class AddRequestTimeout implements FileRule {

    static final String CONFIG = "config/server.toml";
    static final String KEY = "request_timeout_seconds";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "serve-hotfix-example.2.1.1.config",
            "Add the request timeout",
            "Adds request_timeout_seconds to the [server] table of config/server.toml. A value already set is kept.",
            "serve", "2.1.0", "2.1.1", RuleKind.CONFIG,
            List.of("Requests that take longer than request_timeout_seconds are cancelled."),
            false, "1", List.of(CONFIG));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void apply(RuleContext context) throws IOException {
        if (!context.workspace().isFile(CONFIG)) {
            throw new RuleFailure(CONFIG, "missing; a serve 2.1.0 installation has one");
        }
        String timeout = context.flag(ServeHotfixRuleSet.TIMEOUT.name()).orElse(ServeHotfixRuleSet.TIMEOUT.defaultValue());
        if (!timeout.matches("[1-9][0-9]*")) {
            throw new RuleFailure(CONFIG, "key server." + KEY, "SERVE_HOTFIX_TIMEOUT_SECONDS must be a positive whole number, not '"
                    + timeout + "'");
        }
        List<String> lines = new ArrayList<>(context.workspace().readString(CONFIG).lines().toList());
        int header = lines.indexOf("[server]");
        if (header < 0) {
            lines.add("");
            lines.add("[server]");
            header = lines.size() - 1;
        }
        if (setInTable(lines, header)) {
            return;
        }
        lines.add(header + 1, KEY + " = " + timeout);
        context.workspace().writeString(CONFIG, String.join("\n", lines) + "\n");
        context.report().count("keys_added", 1);
    }

    /** Whether the table starting at the header sets the key already. */
    static boolean setInTable(List<String> lines, int header) {
        for (int i = header + 1; i < lines.size() && !lines.get(i).trim().startsWith("["); i++) {
            if (lines.get(i).trim().startsWith(KEY + " ") || lines.get(i).trim().startsWith(KEY + "=")) {
                return true;
            }
        }
        return false;
    }
}
