package dev.verpath.engine.records;

import dev.verpath.engine.execute.RunReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Migrates one record file on several threads: the calling thread cuts the file into chunks of whole lines
 * ({@link RecordChunks}) and hands them to worker threads, which migrate each chunk into memory; the calling
 * thread writes the results in file order, and passes on each chunk's warnings in that order too. The output,
 * the warnings and the failure reported are therefore the same as on one thread: when several chunks fail,
 * the failure of the earliest chunk (the earliest line) is the one thrown, since the chunks before it were
 * finished and written first. At most two chunks per thread are in memory at once. One instance serves one
 * pipeline run, one file at a time; {@link #close()} stops its threads (daemon threads, so a run abandoned
 * at its deadline cannot keep the process alive).
 */
final class ChunkedCopy implements AutoCloseable {

    /** The migration of one chunk. */
    @FunctionalInterface
    interface ChunkWork {

        /**
         * Migrates the lines of a chunk.
         *
         * @param chunk   the chunk
         * @param out     where its migrated lines go
         * @param reports where the rules and the source checks report
         * @return how many records went through
         * @throws IOException when a line cannot be read or written
         */
        long copy(RecordChunks.Chunk chunk, OutputStream out, RecordReports reports) throws IOException;
    }

    private record Done(ByteArrayOutputStream bytes, long records, BufferedReport report) {
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final RunReport report;
    private final ExecutorService pool;

    ChunkedCopy(int threads, RunReport report) {
        this.threads = threads;
        this.report = report;
        int id = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "verpath-records-" + id + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Migrates every chunk and writes the results in order.
     *
     * @param chunks the file, chunk by chunk
     * @param out    where the migrated file goes
     * @param work   the migration of one chunk
     * @param problems collects the source problems of the file, in the order of its lines
     * @return how many records went through
     * @throws IOException when reading or writing fails; a rule's failure is rethrown as it was thrown
     */
    long copy(RecordChunks chunks, OutputStream out, ChunkWork work, SourceProblems problems) throws IOException {
        Optional<RecordChunks.Chunk> next = chunks.next();
        if (next.isPresent() && next.get().last()) {
            return write(migrate(work, next.get()), out, problems); // one chunk: no hand-off
        }
        Deque<Future<Done>> inFlight = new ArrayDeque<>();
        long records = 0;
        try {
            while (next.isPresent()) {
                RecordChunks.Chunk chunk = next.get();
                inFlight.add(pool.submit(() -> migrate(work, chunk)));
                if (inFlight.size() >= 2 * threads) {
                    records += write(result(inFlight.poll()), out, problems);
                }
                next = chunks.next();
            }
            while (!inFlight.isEmpty()) {
                records += write(result(inFlight.poll()), out, problems);
            }
            return records;
        } finally {
            inFlight.forEach(f -> f.cancel(true));
        }
    }

    private static Done migrate(ChunkWork work, RecordChunks.Chunk chunk) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(chunk.length() + chunk.length() / 2);
        BufferedReport buffered = new BufferedReport();
        long records = work.copy(chunk, bytes, buffered);
        return new Done(bytes, records, buffered);
    }

    private long write(Done done, OutputStream out, SourceProblems problems) throws IOException {
        done.bytes().writeTo(out);
        done.report().replayInto(report, problems);
        return done.records();
    }

    private static Done result(Future<Done> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while records were migrated");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
