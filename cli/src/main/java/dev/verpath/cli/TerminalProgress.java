package dev.verpath.cli;

import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressPhase;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The live display on a terminal: one bar per phase on stderr, redrawn in place, with done / total, rate and ETA
 * (me.tongfei:progressbar). The library and its terminal code load only when the first phase starts, so a command
 * without a long phase pays nothing for them. Thread-safe.
 */
final class TerminalProgress implements ProgressListener {

    private ProgressBar bar;

    @Override
    public synchronized void started(ProgressPhase phase, long total) {
        close();
        boolean bytes = phase.unit() == ProgressPhase.Unit.BYTES;
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(phase.label())
                .setInitialMax(Math.max(1, total))
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .showSpeed()
                .clearDisplayOnFinish();
        if (bytes) {
            builder.setUnit(" MiB", 1L << 20);
        }
        bar = builder.build();
    }

    @Override
    public synchronized void advanced(ProgressPhase phase, long done, long total) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public synchronized void ended(ProgressPhase phase, long done, long total) {
        if (bar != null) {
            bar.stepTo(done);
        }
        close();
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
