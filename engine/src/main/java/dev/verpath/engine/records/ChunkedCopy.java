package dev.verpath.engine.records;

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
 * finished and written first. At most two chunks per thread are in memory at once, and their buffers are
 * reused from chunk to chunk and file to file (only the calling thread hands them out and takes them back). One instance serves one
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

    private record Done(byte[] input, Output output, long records, BufferedReport report) {
    }

    /** A chunk's migrated bytes; reset and reused for a later chunk, so its array grows once and stays. */
    private static final class Output extends ByteArrayOutputStream {
        Output() {
            super(RecordChunks.CHUNK * 2);
        }
    }

    private static final AtomicInteger POOLS = new AtomicInteger();
    /** A chunk longer than this (a line of megabytes) is migrated straight into the output, on the calling thread. */
    static final int DIRECT = 4 * RecordChunks.CHUNK;

    private final int threads;
    private final ExecutorService pool;
    private final Deque<byte[]> spareInputs = new ArrayDeque<>();
    private final Deque<Output> spareOutputs = new ArrayDeque<>();

    ChunkedCopy(int threads) {
        this.threads = threads;
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
     * @param report where the file's warnings and counters go, in the order of its lines
     * @param work   the migration of one chunk
     * @param problems collects the source problems of the file, in the order of its lines
     * @return how many records went through
     * @throws IOException when reading or writing fails; a rule's failure is rethrown as it was thrown
     */
    long copy(RecordChunks chunks, OutputStream out, RunReport report, ChunkWork work, SourceProblems problems) throws IOException {
        Optional<RecordChunks.Chunk> next = chunks.next(spareInput());
        if (next.isPresent() && next.get().last()) {
            return direct(work, next.get(), out, report, problems); // one chunk: no hand-off
        }
        Deque<Future<Done>> inFlight = new ArrayDeque<>();
        long records = 0;
        try {
            while (next.isPresent()) {
                RecordChunks.Chunk chunk = next.get();
                if (chunk.length() > DIRECT) {
                    while (!inFlight.isEmpty()) {
                        records += write(result(inFlight.poll()), out, report, problems);
                    }
                    records += direct(work, chunk, out, report, problems);
                } else {
                    Output output = spareOutput();
                    inFlight.add(pool.submit(dev.verpath.engine.log.LogFields.carried(() -> migrate(work, chunk, output))));
                }
                if (inFlight.size() >= 2 * threads) {
                    records += write(result(inFlight.poll()), out, report, problems);
                }
                next = chunks.next(spareInput());
            }
            while (!inFlight.isEmpty()) {
                records += write(result(inFlight.poll()), out, report, problems);
            }
            return records;
        } finally {
            inFlight.forEach(f -> f.cancel(true));
        }
    }

    private byte[] spareInput() {
        return spareInputs.isEmpty() ? new byte[0] : spareInputs.pop();
    }

    private Output spareOutput() {
        return spareOutputs.isEmpty() ? new Output() : spareOutputs.pop();
    }

    /**
     * Migrates a chunk on the calling thread straight into the output (the chunks before it written already): for a
     * single chunk, and for one of a line too large to be held twice.
     */
    private long direct(ChunkWork work, RecordChunks.Chunk chunk, OutputStream out, RunReport report,
                        SourceProblems problems)
            throws IOException {
        BufferedReport buffered = new BufferedReport();
        long records = work.copy(chunk, out, buffered);
        buffered.replayInto(report, problems);
        if (chunk.bytes().length <= DIRECT) {
            spareInputs.push(chunk.bytes());
        }
        return records;
    }

    private static Done migrate(ChunkWork work, RecordChunks.Chunk chunk, Output output) throws IOException {
        BufferedReport buffered = new BufferedReport();
        long records = work.copy(chunk, output, buffered);
        return new Done(chunk.bytes(), output, records, buffered);
    }

    /** Writes a finished chunk and keeps its buffers for the chunks to come. */
    private long write(Done done, OutputStream out, RunReport report, SourceProblems problems) throws IOException {
        done.output().writeTo(out);
        done.report().replayInto(report, problems);
        done.output().reset();
        spareOutputs.push(done.output());
        spareInputs.push(done.input());
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
