package dev.verpath.engine.service;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one hook (or one health attempt) ended. Three cases: it exited ({@code exitStatus} present, {@code timedOut}
 * false), it ran past its timeout and was killed with every process it started ({@code timedOut}), or it could not
 * be started at all (neither; {@code lastLine} says {@code cannot be run: <reason>}). Immutable.
 *
 * @param phase      the phase's key ({@code before_commit} ...), or {@code health}
 * @param command    the command as messages show it ({@link dev.verpath.engine.settings.HookCommand#text()}: no
 *                   secret)
 * @param exitStatus its exit status, when it exited by itself
 * @param lastLine   its last non-blank line of output (stdout or stderr), or why it could not be run
 * @param took       how long it ran
 * @param timedOut   whether it ran past its timeout and was killed
 */
public record HookResult(String phase, String command, Optional<Integer> exitStatus, Optional<String> lastLine,
                         Duration took, boolean timedOut) {

    /** The longest output line quoted in a message. */
    static final int QUOTED = 200;

    /** Checks that nothing is null. */
    public HookResult {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(exitStatus, "exitStatus");
        Objects.requireNonNull(lastLine, "lastLine");
        Objects.requireNonNull(took, "took");
    }

    /** @return whether it exited with status 0 in time */
    public boolean succeeded() {
        return !timedOut && exitStatus.filter(s -> s == 0).isPresent();
    }

    /** @return whether it could not be started at all */
    public boolean notStarted() {
        return !timedOut && exitStatus.isEmpty();
    }

    /**
     * One line about a hook that did not succeed, naming the phase, the command, the exit status or the timeout,
     * and the last line of its output (cut to about 200 characters), e.g. {@code hook before_commit
     * (systemctl stop serve) failed with exit status 5 after 0.3s; its last line: Unit serve.service not loaded.}
     *
     * @return the line
     */
    public String failureLine() {
        String hook = "hook " + phase + " (" + cut(command) + ")";
        if (notStarted()) {
            return hook + " " + lastLine.orElse("cannot be run");
        }
        String what = timedOut ? "timed out after " + seconds(took) + " and was killed, with every process it started"
                : "failed with exit status " + exitStatus.orElseThrow() + " after " + seconds(took);
        return hook + " " + what + lastLine.map(l -> "; its last line: " + cut(l)).orElse("; it printed nothing");
    }

    private static String seconds(Duration took) {
        return String.format(java.util.Locale.ROOT, "%.1fs", took.toMillis() / 1000.0);
    }

    /**
     * @param text any text
     * @return its first {@value #QUOTED} characters, with {@code ...} when cut
     */
    static String cut(String text) {
        return text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "...";
    }
}
