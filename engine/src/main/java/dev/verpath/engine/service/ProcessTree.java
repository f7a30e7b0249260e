package dev.verpath.engine.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends a process and every process it started: the descendants are listed first (a child whose parent is gone is
 * no longer a descendant), each is asked to stop (SIGTERM), and what is still alive after a short grace is killed
 * (SIGKILL). Stateless.
 */
final class ProcessTree {

    /** How long a process may take to stop after SIGTERM before it gets SIGKILL. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private ProcessTree() {
    }

    /**
     * Ends the process and its descendants, and waits (at most the grace and a little more) until they are gone.
     * Never throws; an interrupt during the wait makes it kill at once, and is kept for the caller.
     *
     * @param process the process
     */
    static void end(ProcessHandle process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(0, process);
        all.forEach(ProcessHandle::destroy);
        boolean interrupted = false;
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle handle : all) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            } catch (ExecutionException | TimeoutException e) {
                break; // the rest are killed below
            }
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        CompletableFuture<?>[] exits = all.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (ExecutionException | TimeoutException e) {
            // SIGKILL cannot be refused; a process stuck in the kernel is past helping here
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
