package dev.verpath.engine.service;

import dev.verpath.engine.settings.HookCommand;
import dev.verpath.engine.settings.HookPhase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one hook: its command in the installation's folder, stdin empty, the environment Verpath has plus the
 * {@link HookEnvironment}'s {@code VERPATH_*} variables, its output (stdout and stderr, in the order written) to the
 * log (never to stdout), within a timeout
 * past which it is killed with every process it started. Thread-safe; each call runs one process.
 */
public final class HookRunner {

    /** How long the output of a hook that exited is still waited for (a background process may hold the pipes). */
    private static final Duration DRAIN = Duration.ofSeconds(1);
    private static final Pattern ERROR = Pattern.compile("error=\\d+, (.+)$");
    private static final Logger LOG = LoggerFactory.getLogger(OutputLines.LOGGER);
    private static final File NO_INPUT = new File("/dev/null");

    private final Duration timeout;

    /**
     * @param timeout how long a hook may run before it and its descendants are killed ({@code [hooks] timeout})
     */
    public HookRunner(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a hook's timeout must be above 0");
        }
        this.timeout = timeout;
    }

    /**
     * Runs a hook and waits for it (at most the timeout). A command that cannot be started is a result too.
     *
     * @param phase       the phase it runs in (its {@code VERPATH_PHASE} and MDC field {@code hook})
     * @param command     what it runs
     * @param environment what it is told about the run
     * @param folder      its working folder, the installation
     * @return how it ended; {@link HookResult#succeeded()} when it exited 0 in time
     * @throws InterruptedException when the calling thread is interrupted; the hook and its descendants are killed
     *                              first
     */
    public HookResult run(HookPhase phase, HookCommand command, HookEnvironment environment, Path folder)
            throws InterruptedException {
        return run(phase.key(), command, environment, folder);
    }

    /** See {@link #run(HookPhase, HookCommand, HookEnvironment, Path)}; {@code phase} is a key, or {@code health}. */
    HookResult run(String phase, HookCommand command, HookEnvironment environment, Path folder) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command.processArguments()).directory(folder.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment.variables(phase));
        builder.redirectInput(NO_INPUT.exists() ? ProcessBuilder.Redirect.from(NO_INPUT) : ProcessBuilder.Redirect.PIPE);
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            return new HookResult(phase, command.text(), Optional.empty(), Optional.of("cannot be run: "
                    + reason(command, e)), Duration.ofNanos(System.nanoTime() - start), false);
        }
        if (!NO_INPUT.exists()) {
            closeQuietly(process);
        }
        LOG.info("hook {}: running {}", phase, command.text());
        OutputLines lines = OutputLines.read(process, phase);
        boolean exited;
        try {
            exited = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            ProcessTree.end(process.toHandle());
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!exited) {
            ProcessTree.end(process.toHandle());
        }
        Optional<String> last = lines.finish(DRAIN);
        HookResult result = new HookResult(phase, command.text(), exited ? Optional.of(process.exitValue()) : Optional.empty(),
                last, took, !exited);
        LOG.info("hook {}: {}", phase, result.succeeded() ? "done in " + took.toMillis() + " ms" : result.failureLine());
        return result;
    }

    private static String reason(HookCommand command, Exception e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = ERROR.matcher(message);
        String program = command.processArguments().get(0);
        return program + ": " + (m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : message)
                + (command.shell() ? "" : " (the first word of an argument list is the program, found on PATH)");
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("closing a hook's stdin: {}", e.getMessage());
        }
    }
}
