package dev.verpath.engine.files;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The short phase that must not be cut: a commit (journal, renames, history, journal removed) or a restore.
 * A process asked to stop (SIGTERM, SIGINT) while one is under way lets it finish before it exits, so that a
 * graceful stop never leaves a half-committed tree to recover; outside it, the stop cancels the run, whose
 * shadow work never touched the installation. One per process: a command runs one migration at a time.
 */
public final class CommitSection {

    private static final AtomicInteger ACTIVE = new AtomicInteger();
    private static final Object ENDED = new Object();

    private CommitSection() {
    }

    /** Marks the start of a phase that must finish; pair with {@link #exit()} in a finally block. */
    public static void enter() {
        ACTIVE.incrementAndGet();
    }

    /** Marks its end. */
    public static void exit() {
        ACTIVE.decrementAndGet();
        synchronized (ENDED) {
            ENDED.notifyAll();
        }
    }

    /** @return whether such a phase is under way now */
    public static boolean active() {
        return ACTIVE.get() > 0;
    }

    /**
     * Waits until no such phase is under way.
     *
     * @param seconds the most to wait
     * @return true when none is under way any more
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public static boolean awaitEnd(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (ENDED) {
            while (active()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                ENDED.wait(Math.min(left, 100));
            }
        }
        return true;
    }
}
