package dev.verpath.cli;

import dev.verpath.engine.progress.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses how the engine's structured progress is shown, always on stderr, never on stdout: nothing with
 * {@code --quiet}; JSON lines under the JSON log format; a live display when stderr is a terminal; else plain lines
 * (none under {@code --json}, as for the one-line progress messages, so a script reading the document sees only it
 * and its failure line).
 */
final class ProgressDisplays {

    /** The test seam: milliseconds between two periodic lines (plain: 5000, JSON: 1000). */
    static final String INTERVAL_PROPERTY = "verpath.progress.interval.ms";

    private ProgressDisplays() {
    }

    /**
     * @param options   the global options
     * @param err       stderr
     * @param logFormat the log format ({@code text} or {@code json}), as {@code --log-format}, {@code $MIGRATE_LOG_FORMAT}
     *                  or the settings give it
     * @return the listener to give the engine
     */
    static ProgressListener of(GlobalOptions options, PrintWriter err, String logFormat) {
        if (options.quiet()) {
            return ProgressListener.NONE;
        }
        if (logFormat.equals("json")) {
            return new JsonProgress(err, interval(1000));
        }
        if (stderrIsTerminal()) {
            return new TerminalProgress();
        }
        return options.json() ? ProgressListener.NONE : new PlainProgress(err, interval(5000));
    }

    /** @return nanoseconds between two periodic lines: the seam's value, else the default */
    private static long interval(long defaultMillis) {
        long millis = Long.getLong(INTERVAL_PROPERTY, defaultMillis);
        return Math.max(1, millis) * 1_000_000;
    }

    /**
     * Whether stderr is a terminal: on Linux its file descriptor links to a tty or pseudo-terminal; elsewhere a
     * console exists. {@code TERM=dumb} never gets the live display.
     */
    private static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(Path.of("/proc/self/fd"))) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (java.io.IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
