package dev.verpath.engine.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends a process and every process it started: the descendants are listed first (a child whose parent is gone is
 * no longer a descendant), each is asked to stop (SIGTERM), and what is still alive after a short grace is killed
 * (SIGKILL). Stateless.
 */
final class ProcessTree {

    /** How long a process may take to stop after SIGTERM before it gets SIGKILL. */
    static final Duration GRACE = Duration.ofSeconds(2);
    /** How often the processes are looked at while waiting (the JDK's own wait for a non-child polls slowly). */
    private static final long POLL_MS = 20;

    private ProcessTree() {
    }

    /**
     * Ends the process and its descendants, and waits (at most twice the grace) until they are gone. Never throws;
     * an interrupt during the wait makes it kill at once, and is kept for the caller.
     *
     * @param process the process
     */
    static void end(ProcessHandle process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(0, process);
        all.forEach(ProcessHandle::destroy);
        boolean interrupted = !gone(all);
        all.stream().filter(ProcessTree::running).forEach(ProcessHandle::destroyForcibly);
        interrupted |= !gone(all);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until none is alive or the grace is over; false when interrupted. */
    private static boolean gone(List<ProcessHandle> all) {
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (all.stream().anyMatch(ProcessTree::running) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a process still runs: alive and not a zombie (an orphan that has exited stays a zombie until the
     * system's init reaps it, which some containers' init does only every second or so).
     */
    private static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive(); // no /proc (not Linux), or it is gone just now
        }
    }
}
