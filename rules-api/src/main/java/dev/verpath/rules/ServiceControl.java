package dev.verpath.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a product's service is stopped, started and checked, as a product declares it (rules API 2.2.0): defaults
 * that the operator's {@code [hooks]} and {@code [health]} settings override phase by phase. Each command is an
 * argument list run directly, without a shell, in the installation's folder; it gets no secret from Verpath.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * new ServiceControl(Optional.of(List.of("systemctl", "stop", "serve")),
 *         Optional.of(List.of("systemctl", "start", "serve")),
 *         Optional.of(List.of("curl", "-fsS", "http://localhost:8000/health")))
 * }</pre>
 *
 * @param stop   what stops the service: run as the {@code before_commit} hook, and before a rollback's restore;
 *               empty when the product declares none
 * @param start  what starts the service: run as the {@code after_commit} and {@code after_rollback} hooks; empty
 *               when none
 * @param health what checks that the service is healthy (exit 0), the health gate's command; empty when none
 * @since 2.2.0
 */
public record ServiceControl(Optional<List<String>> stop, Optional<List<String>> start, Optional<List<String>> health) {

    /** Copies the lists and checks that each given command has a program. */
    public ServiceControl {
        stop = checked(stop, "stop");
        start = checked(start, "start");
        health = checked(health, "health");
    }

    private static Optional<List<String>> checked(Optional<List<String>> command, String what) {
        Objects.requireNonNull(command, what);
        command.ifPresent(c -> {
            if (c.isEmpty() || c.get(0) == null || c.get(0).isBlank()) {
                throw new IllegalArgumentException("the " + what + " command of a service needs a program");
            }
        });
        return command.map(List::copyOf);
    }
}
