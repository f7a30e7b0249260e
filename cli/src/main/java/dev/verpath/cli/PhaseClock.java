package dev.verpath.cli;

import dev.verpath.engine.progress.ProgressPhase;

/**
 * The time of one phase for a display that prints lines: when it started, and whether the next periodic line is due.
 * Not thread-safe: its display serializes the calls.
 */
final class PhaseClock {

    private final long intervalNanos;
    private long started = System.nanoTime();
    private long lastLine = started;

    /** @param intervalNanos the time between two periodic lines */
    PhaseClock(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** A phase starts now. */
    void start() {
        started = System.nanoTime();
        lastLine = started;
    }

    /** @return true, once an interval has passed since the last line (which is then now) */
    boolean due() {
        long now = System.nanoTime();
        if (now - lastLine < intervalNanos) {
            return false;
        }
        lastLine = now;
        return true;
    }

    /** @return the phase's rate and time left as of now */
    PhaseRate rate(ProgressPhase phase, long done, long total) {
        return new PhaseRate(phase, done, total, (System.nanoTime() - started) / 1e9);
    }
}
