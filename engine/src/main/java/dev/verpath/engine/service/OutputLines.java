package dev.verpath.engine.service;

import dev.verpath.engine.log.LogFields;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a hook's output line by line on a thread of its own (so that the pipe never fills up and blocks the hook),
 * and logs every line to {@value #LOGGER} at info with the MDC field {@value #FIELD} = the phase, beside the
 * caller's fields; never to this process's stdout. The hook's stderr is the same pipe as its stdout
 * ({@link ProcessBuilder#redirectErrorStream(boolean)}), so both are read and their lines keep the order the hook
 * wrote them in: the last non-blank line kept is truly the last (two readers would race for it).
 */
final class OutputLines {

    /** The logger hook output goes to. */
    static final String LOGGER = "dev.verpath.hook";
    /** The MDC field naming the hook's phase. */
    static final String FIELD = "hook";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    /** The longest line logged whole; a longer one is cut (a hook printing a binary blob must not flood the log). */
    private static final int LONGEST = 4096;

    private final AtomicReference<String> last = new AtomicReference<>();
    private final String phase;
    private final Thread out;

    private OutputLines(Process process, String phase) {
        this.phase = phase;
        this.out = reader(process.getInputStream(), "output");
    }

    /**
     * Starts reading the output of a process.
     *
     * @param process the hook's process, its stderr redirected to its stdout
     * @param phase   the phase's key, for the MDC field
     * @return the readers, running
     */
    static OutputLines read(Process process, String phase) {
        OutputLines lines = new OutputLines(process, phase);
        lines.out.start();
        return lines;
    }

    private Thread reader(InputStream stream, String name) {
        Callable<Void> read = LogFields.carried(() -> {
            try (LogFields.AutoCloseableField field = LogFields.put(FIELD, phase);
                 BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    log(line);
                }
            } catch (IOException e) {
                LOG.debug("hook {}: its {} ended: {}", phase, name, e.getMessage());
            }
            return null;
        });
        Thread thread = new Thread(() -> {
            try {
                read.call();
            } catch (Exception e) {
                LOG.debug("hook {}: reading its {} failed: {}", phase, name, e.getMessage());
            }
        }, "hook-" + phase + "-" + name);
        thread.setDaemon(true);
        return thread;
    }

    private void log(String line) {
        String kept = line.length() > LONGEST ? line.substring(0, LONGEST) + "..." : line;
        LOG.info("{}", kept);
        if (!kept.isBlank()) {
            last.set(kept.strip());
        }
    }

    /**
     * Waits until the output is read to its end, at most a while: a hook that started a background process
     * (a service) leaves the pipe open as long as that process runs, and is not waited for; later lines are still
     * logged.
     *
     * @param atMost how long to wait
     * @return the last non-blank line so far
     * @throws InterruptedException when interrupted while waiting
     */
    Optional<String> finish(Duration atMost) throws InterruptedException {
        out.join(Math.max(1, atMost.toMillis()));
        return Optional.ofNullable(last.get());
    }
}
