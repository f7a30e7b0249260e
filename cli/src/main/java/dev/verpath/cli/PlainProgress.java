package dev.verpath.cli;

import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressPhase;
import java.io.PrintWriter;

/**
 * Progress where stderr is not a terminal (CI, cron, Ansible): one line when a phase with work to do starts and, while it lasts, a
 * line every {@link ProgressDisplays#interval() interval} (5 s) with percent, rate and ETA; a phase that printed
 * such a line also says when it ended. Thread-safe.
 */
final class PlainProgress implements ProgressListener {

    private final PrintWriter err;
    private final PhaseClock clock;
    private boolean periodic;

    /**
     * @param err           stderr
     * @param intervalNanos the time between two lines of one phase
     */
    PlainProgress(PrintWriter err, long intervalNanos) {
        this.err = err;
        this.clock = new PhaseClock(intervalNanos);
    }

    @Override
    public synchronized void started(ProgressPhase phase, long total) {
        clock.start();
        periodic = false;
        if (total > 0) {
            print(phase.label() + ": " + (phase.unit() == ProgressPhase.Unit.BYTES ? Units.bytes(total) : total + " entries"));
        }
    }

    @Override
    public synchronized void advanced(ProgressPhase phase, long done, long total) {
        if (clock.due()) {
            periodic = true;
            print(phase.label() + ": " + clock.rate(phase, done, total).text());
        }
    }

    @Override
    public synchronized void ended(ProgressPhase phase, long done, long total) {
        if (periodic) {
            print(phase.label() + ": done, " + clock.rate(phase, done, total).text().replaceFirst(", ETA .*", ""));
        }
    }

    private void print(String line) {
        err.println(line);
        err.flush();
    }
}
