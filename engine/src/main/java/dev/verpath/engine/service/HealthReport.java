package dev.verpath.engine.service;

import java.util.List;
import java.util.Optional;

/**
 * What the health gate found. Immutable.
 *
 * @param healthy     whether an attempt succeeded
 * @param attempts    every attempt made, in order (the last one succeeded when healthy)
 * @param interrupted whether the wait was interrupted (a stop signal) before the service was found healthy
 */
public record HealthReport(boolean healthy, List<HealthAttempt> attempts, boolean interrupted) {

    /** Copies the attempts. */
    public HealthReport {
        attempts = List.copyOf(attempts);
    }

    /** @return the last attempt, when one was made */
    public Optional<HealthAttempt> last() {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
    }

    /**
     * @return one line for a message: {@code healthy after 3 attempts}, or {@code unhealthy after 10 attempts; the
     * last exited 7: curl: (7) Failed to connect}
     */
    public String summary() {
        String count = attempts.size() + (attempts.size() == 1 ? " attempt" : " attempts");
        if (healthy) {
            return "healthy after " + count;
        }
        String how = interrupted ? "health check interrupted after " : "unhealthy after ";
        return how + count + last().map(a -> "; the last " + (a.timedOut() ? "timed out"
                : a.exitStatus().map(s -> "exited " + s).orElse("could not run"))
                + a.lastLine().map(l -> ": " + HookResult.cut(l)).orElse("")).orElse("");
    }
}
