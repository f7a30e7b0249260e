package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressPhase;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress as JSON lines on stderr (under {@code --log-format json}), one object a line, for a wrapper or a web page:
 * {@code {"progress":"backup","event":"advanced","unit":"bytes","done":..,"total":..,"percent":..,
 * "rate_per_second":..,"eta_seconds":..}}. An {@code advanced} line at most every {@link ProgressDisplays#interval()
 * interval} of the JSON format (1 s). Thread-safe.
 */
final class JsonProgress implements ProgressListener {

    private final PrintWriter err;
    private final PhaseClock clock;

    /**
     * @param err           stderr
     * @param intervalNanos the time between two {@code advanced} lines of one phase
     */
    JsonProgress(PrintWriter err, long intervalNanos) {
        this.err = err;
        this.clock = new PhaseClock(intervalNanos);
    }

    @Override
    public synchronized void started(ProgressPhase phase, long total) {
        clock.start();
        print("started", phase, 0, total);
    }

    @Override
    public synchronized void advanced(ProgressPhase phase, long done, long total) {
        if (clock.due()) {
            print("advanced", phase, done, total);
        }
    }

    @Override
    public synchronized void ended(ProgressPhase phase, long done, long total) {
        print("ended", phase, done, total);
    }

    private void print(String event, ProgressPhase phase, long done, long total) {
        PhaseRate rate = clock.rate(phase, done, total);
        ObjectNode line = Output.object();
        line.put("progress", phase.key());
        line.put("event", event);
        line.put("unit", phase.unit().name().toLowerCase(Locale.ROOT));
        line.put("done", done);
        line.put("total", total);
        line.put("percent", rate.percent());
        line.put("rate_per_second", Math.round(rate.perSecond()));
        rate.etaSeconds().filter(s -> !event.equals("ended")).ifPresent(s -> line.put("eta_seconds", s));
        err.println(line.toString());
        err.flush();
    }
}
