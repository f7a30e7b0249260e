package dev.verpath.example;

import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationContext;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import java.io.IOException;
import java.util.List;

/**
 * Checks that a serve 2.1.1 config sets {@code request_timeout_seconds} in {@code [server]}. The engine runs
 * it after the hotfix step (a finding rolls the step back) and on {@code migrate validate}.
 */
final class RequestTimeoutValidation implements ValidationRule {

    private static final ValidationDescriptor DESCRIPTOR = new ValidationDescriptor(
            "serve-hotfix-example.2.1.1.request-timeout",
            "Request timeout is set",
            "Checks that the [server] table of config/server.toml sets request_timeout_seconds.",
            "serve", "2.1.1", ValidationCategory.SCHEMA, Severity.ERROR);

    @Override
    public ValidationDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(ValidationContext context) throws IOException {
        String config = AddRequestTimeout.CONFIG;
        if (!context.workspace().isFile(config)) {
            return List.of(Finding.of(DESCRIPTOR, config, null, "the config is missing", "restore it from the backup"));
        }
        if (!context.readToml(config).has(AddRequestTimeout.KEY)) {
            return List.of(Finding.of(DESCRIPTOR, config, AddRequestTimeout.KEY,
                    "request_timeout_seconds is not set", "add request_timeout_seconds = 30 to [server]"));
        }
        return List.of();
    }
}
