package dev.verpath.engine.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ProgressMeterTest {

    /** Keeps every call, in order; the meter never overlaps calls of one phase. */
    static final class Recorded implements ProgressListener {
        final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<long[]> done = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void started(ProgressPhase phase, long total) {
            events.add("start " + phase.key() + " " + total);
        }

        @Override
        public void advanced(ProgressPhase phase, long done, long total) {
            this.done.add(new long[] {done, total});
        }

        @Override
        public void ended(ProgressPhase phase, long done, long total) {
            this.done.add(new long[] {done, total});
            events.add("end " + phase.key() + " " + done + "/" + total);
        }
    }

    @Test
    void reportsMonotonicDoneNeverOverTheTotalFromManyThreads() throws InterruptedException {
        Recorded recorded = new Recorded();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (ProgressMeter meter = ProgressMeter.start(recorded, ProgressPhase.HASHING, 1_000)) {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(450);
            for (int t = 0; t < 4; t++) {
                pool.execute(() -> {
                    while (System.nanoTime() < until) {
                        meter.add(1);
                        Thread.onSpinWait();
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(recorded.events).first().isEqualTo("start hashing 1000");
        assertThat(recorded.events).last().isEqualTo("end hashing 1000/1000");
        assertThat(recorded.done.size()).as("reports at most every 100 ms, and at least once in 450 ms").isBetween(2, 7);
        for (int i = 1; i < recorded.done.size(); i++) {
            assertThat(recorded.done.get(i)[0]).isGreaterThanOrEqualTo(recorded.done.get(i - 1)[0])
                    .isLessThanOrEqualTo(recorded.done.get(i)[1]);
        }
    }

    @Test
    void endsOnceAndCountsTheBytesReadThroughIt() throws java.io.IOException {
        Recorded recorded = new Recorded();
        ProgressMeter meter = ProgressMeter.start(recorded, ProgressPhase.RECORDS, 10);
        try (java.io.InputStream in = meter.counting(new java.io.ByteArrayInputStream(new byte[6]))) {
            assertThat(in.readAllBytes()).hasSize(6);
        }
        meter.close();
        meter.close();

        assertThat(recorded.events).containsExactly("start records 10", "end records 6/10");
    }
}
