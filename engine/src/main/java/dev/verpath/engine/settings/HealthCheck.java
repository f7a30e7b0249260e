package dev.verpath.engine.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * The health check after a commit ({@code [health]}): a command run until it exits 0, at most {@code retries}
 * times in all, {@code interval} apart, each attempt killed after {@code timeout}. Immutable.
 *
 * @param command  what checks the service, e.g. {@code ["curl", "-fsS", "http://localhost:8000/health"]}
 * @param retries  how many attempts in all, at least 1 (default 10)
 * @param interval the pause between two attempts (default 2 s)
 * @param timeout  how long one attempt may take before it is killed (default 10 s)
 */
public record HealthCheck(HookCommand command, int retries, Duration interval, Duration timeout) {

    /** Checks that nothing is null and that there is at least one attempt. */
    public HealthCheck {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (retries < 1 || interval.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a health check needs at least one attempt and a timeout");
        }
    }
}
