package dev.verpath.engine.execute;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the shadow phase of a migration under {@code global.timeout_seconds}. The work runs on a daemon
 * thread, so a rule that hangs cannot keep the process alive; on time-out the thread is interrupted and waited
 * for (or fenced off when it will not stop), and the run fails naming what it was doing. The live tree is untouched at that point, so nothing needs restoring.
 */
final class Deadline {

    /** The work: it reports what it is doing through the reference. */
    @FunctionalInterface
    interface Work<T> {
        T run(AtomicReference<String> activity) throws IOException;
    }

    private final long seconds;

    /**
     * @param seconds the limit; 0 or less means none
     */
    Deadline(long seconds) {
        this.seconds = seconds;
    }

    /** How long a timed-out worker is given to stop once interrupted. */
    static final long GRACE_SECONDS = 10;

    <T> T run(Work<T> work) throws IOException {
        return run(work, () -> { });
    }

    /**
     * Runs the work under the limit. On time-out the worker is interrupted and waited for ({@link #GRACE_SECONDS}),
     * so that when this returns nothing of the run is still writing; a worker that ignores the interrupt is
     * fenced off instead (the fence makes its further writes fail), since an embedded engine (the test kit) goes
     * on in the same process.
     *
     * @param work  the work
     * @param fence run when the worker would not stop
     * @return the work's result
     * @throws IOException as the work throws it
     */
    <T> T run(Work<T> work, Runnable fence) throws IOException {
        AtomicReference<String> activity = new AtomicReference<>("starting");
        if (seconds <= 0) {
            return work.run(activity);
        }
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "verpath-migration");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<T> future = pool.submit(dev.verpath.engine.log.LogFields.carried(() -> work.run(activity)));
            try {
                return future.get(seconds, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                boolean stopped = cancel(future, pool, fence);
                throw new InputFailure(ErrorCode.RULE_FAILED, "the migration ran past global.timeout_seconds (" + seconds
                        + " s) while " + activity.get() + (stopped ? "" : "; it did not stop when interrupted and was fenced off"
                        + " (its writes fail and are discarded)") + "; the installation is unchanged; raise the limit in"
                        + " migration_config.toml");
            } catch (InterruptedException e) {
                // a stop asked for (SIGINT, SIGTERM): the work is cancelled and waited for, so that what it left
                // unfinished (a backup, the staging) is removed before this returns
                cancel(future, pool, fence);
                Thread.currentThread().interrupt();
                throw new InputFailure(ErrorCode.RULE_FAILED, "the migration was interrupted while " + activity.get()
                        + "; the installation is unchanged and what was unfinished was removed");
            } catch (ExecutionException e) {
                throw rethrown(e.getCause());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Cancels the work and waits for it to stop; fences it off when it will not. @return whether it stopped */
    private static boolean cancel(Future<?> future, ExecutorService pool, Runnable fence) {
        future.cancel(true);
        boolean stopped = stop(pool);
        if (!stopped) {
            fence.run();
        }
        return stopped;
    }

    /** The work's own failure, as it threw it. */
    private static RuntimeException rethrown(Throwable cause) throws IOException {
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    private static boolean stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            return pool.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
