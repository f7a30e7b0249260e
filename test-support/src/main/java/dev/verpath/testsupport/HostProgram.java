package dev.verpath.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A program of the machine that a test needs but the build does not (mkfs.btrfs, mount, setpriv), run so that its
 * absence skips the test with the reason instead of failing it: the README's test command must pass on any machine
 * with Java and Maven. What a program printed and its exit status, once it ran. Immutable.
 *
 * @param command the command line that ran
 * @param exit    the exit status; -1 when the program is not installed or did not finish in time
 * @param output  what it printed on stdout and stderr, trimmed; why it did not run when it did not
 */
public record HostProgram(List<String> command, int exit, String output) {

    private static final long TIMEOUT_SECONDS = 120;

    /**
     * Runs a program and waits up to two minutes for it. A program that is not installed does not throw: it gives an
     * outcome that did not succeed, saying so.
     *
     * @param command the program and its arguments
     * @return what happened, never null
     */
    public static HostProgram run(String... command) {
        List<String> line = List.of(command);
        Process process;
        try {
            process = new ProcessBuilder(line).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return new HostProgram(line, -1, command[0] + " is not installed here");
        }
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new HostProgram(line, -1, command[0] + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new HostProgram(line, process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HostProgram(line, -1, "interrupted");
        }
    }

    /**
     * Runs a program the test cannot go on without: when it is not installed or fails, the test is skipped (aborted)
     * with a message that says what for and what the program said.
     *
     * @param purpose what the test needs the program for, e.g. {@code a btrfs file system that clones}
     * @param command the program and its arguments
     * @return the outcome, which succeeded
     */
    public static HostProgram require(String purpose, String... command) {
        HostProgram outcome = run(command);
        Assumptions.assumeTrue(outcome.succeeded(), () -> "skipped: " + purpose + " needs " + (outcome.exit() == -1
                ? command[0] + ", which could not run: " + outcome.output()
                : "'" + String.join(" ", command) + "', which failed here (exit " + outcome.exit() + ": " + outcome.output() + ")"));
        return outcome;
    }

    /**
     * Skips the test unless it runs as root, saying what for.
     *
     * @param purpose what the test needs root for, e.g. {@code mounting a small tmpfs}
     */
    public static void requireRoot(String purpose) {
        Assumptions.assumeTrue(isRoot(), () -> "skipped: " + purpose + " needs root, and the tests do not run as root");
    }

    /**
     * Whether the tests run as root (user id 0).
     *
     * @return true for root
     */
    public static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * Whether the program ran and exited with status 0.
     *
     * @return true on success
     */
    public boolean succeeded() {
        return exit == 0;
    }
}
