package dev.verpath.engine.progress;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts one phase's progress for a {@link ProgressListener}: {@link #add} is cheap and thread-safe, and tells the
 * listener at most every {@value #INTERVAL_MILLIS} ms, with {@code done} clamped to the total and never going
 * back. Closing it ends the phase (once).
 */
public final class ProgressMeter implements AutoCloseable {

    /** The shortest time between two reports of one phase, in milliseconds. */
    public static final long INTERVAL_MILLIS = 100;

    private static final long INTERVAL_NANOS = INTERVAL_MILLIS * 1_000_000;

    private final ProgressListener listener;
    private final ProgressPhase phase;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastReport;
    private long reported;
    private boolean ended;

    private ProgressMeter(ProgressListener listener, ProgressPhase phase, long total) {
        this.listener = listener;
        this.phase = phase;
        this.total = Math.max(0, total);
        this.lastReport = new AtomicLong(System.nanoTime());
    }

    /**
     * Starts a phase: tells the listener at once.
     *
     * @param listener who is told
     * @param phase    the phase
     * @param total    how much it will do
     * @return the meter; close it when the phase ends
     */
    public static ProgressMeter start(ProgressListener listener, ProgressPhase phase, long total) {
        ProgressMeter meter = new ProgressMeter(listener, phase, total);
        listener.started(phase, meter.total);
        return meter;
    }

    /**
     * Counts work done; tells the listener when the last report is {@value #INTERVAL_MILLIS} ms old.
     *
     * @param amount how much more is done
     */
    public void add(long amount) {
        done.addAndGet(amount);
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last >= INTERVAL_NANOS && lastReport.compareAndSet(last, now)) {
            report(false);
        }
    }

    /**
     * @param in a stream the phase reads
     * @return the stream, counting each byte read with {@link #add}
     */
    public InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    add(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    add(n);
                }
                return n;
            }
        };
    }

    private synchronized void report(boolean end) {
        if (ended) {
            return;
        }
        reported = Math.max(reported, Math.min(done.get(), total));
        if (end) {
            ended = true;
            listener.ended(phase, reported, total);
        } else {
            listener.advanced(phase, reported, total);
        }
    }

    /** Ends the phase: tells the listener what was done. Later calls do nothing. */
    @Override
    public void close() {
        report(true);
    }
}
