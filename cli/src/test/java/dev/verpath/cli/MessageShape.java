package dev.verpath.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;

/**
 * The one shape of a failure message, checked on every failed run the tests make (in-process and through the
 * launcher): one line {@code migrate: <what>}, naming the file, folder, setting or option it is about, saying
 * what to do, and without exception class names or parser internals (unless {@code --verbose}). A failed
 * {@code validate} may print its report instead of a line.
 */
final class MessageShape {

    /** Exception and error class names, stack frames and the parsers' own location text. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b\\w+(Exception|Error)\\b|\\[Source:|REDACTED|StreamReadFeature|\\bat [a-z]+\\.[a-z]+\\.[\\w.$]+\\(|"
                    + "\\bjava\\.(io|nio|lang|util)\\.|\\bdev\\.verpath\\.\\w+\\.|com\\.fasterxml");

    /** Something the message is about: a path, an option, a dotted setting, a variable, a quoted name, an id. */
    private static final Pattern NAMES = Pattern.compile("/|--\\w|\\b[a-z_]+\\.[a-z_]+\\b|\\$[A-Z_]+|'[^']+'|\\b\\d{8}T\\d{6}");

    /** The words a remedy starts with. */
    private static final Pattern REMEDY = Pattern.compile("\\b(give|pass|fix|run|re-run|use|write|remove|create|free|wait|"
            + "choose|install|drop|put|check|restore|report|correct|try|set|unset|delete|make|rename|move|add|point|"
            + "copy|upgrade|mount|ask|see|keep|recover|roll|list|edit|start|retry|resume|answer|unlock|stop)\\b",
            Pattern.CASE_INSENSITIVE);

    private MessageShape() {
    }

    /**
     * Checks the failure line of a run that exited non-zero.
     *
     * @param run  the run
     * @param args its arguments
     * @throws AssertionFailedError naming what is wrong with the message
     */
    static void check(CommandRun run, String... args) {
        if (run.exit() == 0 || run.exit() >= 128) {
            return; // success, or a run stopped by a signal (SignalStopIT checks those lines)
        }
        List<String> argList = Arrays.asList(args);
        Optional<String> failure = failureLine(run);
        if (failure.isEmpty()) {
            if (run.exit() == 1 && (argList.contains("validate") || argList.contains("demo") || run.out().contains("rollback cancelled")
                    || run.err().contains("rollback cancelled") || run.out().contains("prune cancelled")
                    || run.err().contains("cancelled"))) {
                return; // a report, or the user's own "no"
            }
            throw new AssertionFailedError("exit " + run.exit() + " without a 'migrate: ' line on stderr for "
                    + String.join(" ", args) + ":\n" + run.err());
        }
        String line = failure.get();
        if (!argList.contains("--verbose") && !argList.contains("-v") && INTERNALS.matcher(line).find()) {
            throw new AssertionFailedError("the message shows internals: " + line);
        }
        if (!NAMES.matcher(line).find()) {
            throw new AssertionFailedError("the message names no file, folder, setting or option: " + line);
        }
        if (!REMEDY.matcher(line).find()) {
            throw new AssertionFailedError("the message does not say what to do: " + line);
        }
    }

    private static Optional<String> failureLine(CommandRun run) {
        List<String> lines = run.err().lines().filter(l -> l.startsWith("migrate: ")).toList();
        return lines.stream().reduce((a, b) -> b).filter(l -> !l.startsWith("migrate: building"));
    }
}
