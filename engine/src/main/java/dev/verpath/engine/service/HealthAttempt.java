package dev.verpath.engine.service;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the health command. Immutable.
 *
 * @param number     which attempt, from 1
 * @param exitStatus its exit status, when it exited by itself (empty when it timed out or could not be run)
 * @param timedOut   whether it ran past the attempt's timeout and was killed
 * @param lastLine   its last non-blank line of output, or why it could not be run
 * @param took       how long it ran
 */
public record HealthAttempt(int number, Optional<Integer> exitStatus, boolean timedOut, Optional<String> lastLine,
                            Duration took) {

    /** Checks that nothing is null. */
    public HealthAttempt {
        Objects.requireNonNull(exitStatus, "exitStatus");
        Objects.requireNonNull(lastLine, "lastLine");
        Objects.requireNonNull(took, "took");
    }

    static HealthAttempt of(int number, HookResult result) {
        return new HealthAttempt(number, result.exitStatus(), result.timedOut(), result.lastLine(), result.took());
    }

    /** @return whether the service answered healthy: exit 0 in time */
    public boolean healthy() {
        return !timedOut && exitStatus.filter(s -> s == 0).isPresent();
    }

    /** @return one line: {@code healthy in 12 ms}, or {@code exited 7 in 30 ms: curl: (7) Failed to connect} */
    public String describe() {
        String ms = " in " + took.toMillis() + " ms";
        if (healthy()) {
            return "healthy" + ms;
        }
        return (timedOut ? "timed out" : exitStatus.map(s -> "exited " + s).orElse("could not run")) + ms
                + lastLine.map(l -> ": " + HookResult.cut(l)).orElse("");
    }
}
