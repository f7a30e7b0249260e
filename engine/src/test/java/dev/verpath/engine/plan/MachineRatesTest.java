package dev.verpath.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressPhase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The speeds an estimate takes from earlier runs: measured by {@link RateMeter} around real work, kept in the state
 * folder's rates file (the last five runs, medians), ignored when damaged or measured on another machine.
 */
class MachineRatesTest {

    @TempDir
    Path state;

    private static RateSample sample(long hashBytes, long hashMillis, long overhead, long peak) {
        return new RateSample(new RateSample.Phase(hashBytes, hashMillis), new RateSample.Phase(4L << 20, 40),
                new RateSample.Phase(0, 0), overhead, peak);
    }

    @Test
    void theMeterTimesWhatThePhasesDidAndPassesEveryCallOn() throws IOException {
        List<Path> weights = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            weights.add(Files.write(state.resolve("w" + i + ".bin"), new byte[1 << 20]));
        }
        List<String> seen = new ArrayList<>();
        RateMeter meter = new RateMeter(new ProgressListener() {
            @Override
            public void started(ProgressPhase phase, long total) {
                seen.add("started " + phase + " " + total);
            }

            @Override
            public void advanced(ProgressPhase phase, long done, long total) {
            }

            @Override
            public void ended(ProgressPhase phase, long done, long total) {
                seen.add("ended " + phase + " " + done);
            }
        });

        new HashCache().hashAll(weights, meter);
        RateSample sample = meter.sample(5_000, 123);

        assertThat(seen).containsExactly("started HASHING 3145728", "ended HASHING 3145728");
        assertThat(sample.hashing().bytes()).isEqualTo(3L << 20);
        assertThat(sample.hashing().bytesPerSecond()).isPositive();
        assertThat(sample.records()).isEqualTo(new RateSample.Phase(0, 0));
        assertThat(sample.overheadMillis()).isEqualTo(5_000 - sample.hashing().millis());
        assertThat(sample.peakMemory()).isEqualTo(123);
    }

    @Test
    void theLastFiveRunsAreKeptAndEachSpeedIsTheirMedian() {
        for (long overhead : new long[] {9_000, 100, 200, 300, 400, 500}) {
            assertThat(MachineRates.record(state, sample(100L << 20, overhead / 10, overhead, overhead << 20))).isTrue();
        }

        MachineRates rates = MachineRates.of(state);

        assertThat(rates.runs()).isEqualTo(5);
        assertThat(rates.overheadMillis()).isEqualTo(300); // 9,000 was the oldest and left
        assertThat(rates.hashingBytesPerSecond()).isEqualTo((100L << 20) * 1000 / 30);
        assertThat(rates.recordsBytesPerSecond()).isEqualTo((4L << 20) * 1000 / 40);
        assertThat(rates.backupBytesPerSecond()).as("no run took a backup").isZero();
        assertThat(rates.peakMemory()).isEqualTo(300L << 20);
        assertThat(rates.basis()).isEqualTo("measured by the last 5 runs on this machine");
    }

    @Test
    void aPhaseThatDidTooLittleToSayMeasuresNoSpeed() {
        MachineRates.record(state, sample(1000, 1, 50, 0));

        MachineRates rates = MachineRates.of(state);

        assertThat(rates.hashingBytesPerSecond()).isZero();
        assertThat(rates.peakMemory()).isZero();
        assertThat(rates.basis()).isEqualTo("measured by the last run on this machine");
    }

    @Test
    void aDamagedFileOrOneFromAnotherMachineCountsForNothing() throws IOException {
        MachineRates.record(state, sample(100L << 20, 100, 700, 1));
        Path file = state.resolve(MachineRates.FILE);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String written = Files.readString(file);

        Files.writeString(file, written.replace("\"host\":\"" + dev.verpath.engine.files.HostName.of() + "\"", "\"host\":\"elsewhere\""));
        assertThat(MachineRates.of(state)).isEqualTo(MachineRates.NONE);

        Files.writeString(file, written.substring(0, written.length() - 9));
        assertThat(MachineRates.of(state)).isEqualTo(MachineRates.NONE);
        assertThat(MachineRates.NONE.basis()).isEqualTo("no run measured on this machine yet: default speeds");

        assertThat(MachineRates.record(state, sample(100L << 20, 100, 700, 1))).isTrue();
        assertThat(MachineRates.of(state).runs()).as("a damaged file is replaced, not appended to").isEqualTo(1);
    }

    @Test
    void aFolderThatCannotBeWrittenSkipsTheRecord() throws IOException {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root writes into a read-only folder");
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("r-x------"));
        try {
            assertThat(MachineRates.record(state, sample(100L << 20, 100, 700, 1))).isFalse();
        } finally {
            Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void anEstimateUsesTheMeasuredSpeedsAndOverhead() throws IOException {
        Files.createDirectories(state.resolve("config"));
        Files.write(state.resolve("config/server.toml"), new byte[1_000_000]);
        MigrationPlan plan = new FewestStepsPlanner(dev.verpath.engine.graph.TinyGraph.of("serve").edge("1.0.0", "2.0.0")
                .graph()).plan("serve", "1.0.0", "2.0.0", false);
        MachineRates rates = new MachineRates(0, 10_000_000, 5_000_000, 1_200, 256L << 20, 3);

        PlanEstimate estimate = new PlanEstimator(rates, dev.verpath.engine.files.ProductFiles.NONE, true)
                .estimate(plan, state);

        // 1,200 ms overhead, 1 MB of config at 10 MB/s, 1 MB backed up at 5 MB/s
        assertThat(estimate.time().toMillis()).isEqualTo(1_200 + 100 + 200);
        assertThat(estimate.peakMemory()).hasValue(256L << 20);
        assertThat(estimate.basis()).isEqualTo("measured by the last 3 runs on this machine");
    }
}
