package dev.verpath.engine.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing that ran around a command for its service (a hook, one health attempt, the health check's verdict, the
 * validation of a restored installation), or, for a dry run, one that would run. Immutable.
 *
 * @param phase      {@code before_run}, {@code before_commit}, {@code after_commit}, {@code after_rollback},
 *                   {@code on_failure}, {@code health} or {@code validation}
 * @param attempt    the health attempt's number from 1; 0 for anything else
 * @param outcome    {@code ok}, {@code failed}, {@code timed-out}, {@code not-started}, {@code stopped} (by a signal),
 *                   {@code healthy}, {@code unhealthy}, {@code errors}, or {@code would-run} (a dry run)
 * @param exitStatus the command's exit status, when it exited by itself
 * @param millis     how long it ran
 * @param lastLine   the command's last line of output, when it printed one
 * @param line       the whole event as one line, as the text output shows it
 */
public record ServiceEvent(String phase, int attempt, String outcome, Optional<Integer> exitStatus, long millis,
                           Optional<String> lastLine, String line) {

    /** Checks that nothing is null. */
    public ServiceEvent {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(exitStatus, "exitStatus");
        Objects.requireNonNull(lastLine, "lastLine");
        Objects.requireNonNull(line, "line");
    }

    /**
     * An event that is only a line: a verdict or a check.
     *
     * @param phase   the phase
     * @param outcome how it ended
     * @param line    the line
     * @return the event
     */
    public static ServiceEvent of(String phase, String outcome, String line) {
        return new ServiceEvent(phase, 0, outcome, Optional.empty(), 0, Optional.empty(), line);
    }
}
