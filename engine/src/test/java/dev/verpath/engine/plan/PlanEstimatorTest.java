package dev.verpath.engine.plan;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.graph.TinyGraph;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.RuleKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanEstimatorTest {

    @TempDir
    Path root;

    private void file(String relative, int size) throws IOException {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.write(path, new byte[size]);
    }

    private void installation() throws IOException {
        file("VERSION", 6);
        file("config/server.toml", 100);
        file("data/a.jsonl", 1000);
        file("data/x/b.jsonl", 2000);
        file("data/notes.txt", 50);
        file("models/m/weights.bin", 3_000_000);
        file("models/m/metadata.json", 200);
        file(".migrate/history.json", 10_000);
        file(".migrate/backups/b1/data/a.jsonl", 1000);
    }

    private static MigrationPlan twoFullSteps() {
        TinyGraph tiny = TinyGraph.of("serve");
        for (String[] edge : List.of(new String[] {"1.0.0", "2.0.0"}, new String[] {"2.0.0", "2.1.0"})) {
            String id = "serve." + edge[1];
            tiny.rule(id + ".config", RuleKind.CONFIG, edge[0], edge[1], false, List.of(), List.of("config/server.toml"))
                    .rule(id + ".data", RuleKind.DATA, edge[0], edge[1], false, List.of(), List.of("data/**/*.jsonl"))
                    .rule(id + ".model", RuleKind.MODEL, edge[0], edge[1], false, List.of(), List.of("models/**"));
        }
        return new FewestStepsPlanner(tiny.graph()).plan("serve", "1.0.0", "2.1.0", false);
    }

    @Test
    void readsDataAndModelsOnceAndConfigPerStep() throws IOException {
        installation();

        PlanEstimate estimate = new PlanEstimator().estimate(twoFullSteps(), root);

        long data = 1000 + 2000;
        long models = 3_000_000 + 200;
        long configTwice = 2 * 100;
        long metadataTwice = 2 * 200;
        long backup = 6 + 100 + 1000 + 2000 + 50 + 3_000_000 + 200;
        assertThat(estimate.bytesToRead()).isEqualTo(data + models + configTwice);
        assertThat(estimate.bytesToWrite()).isEqualTo(data + configTwice + metadataTwice);
        assertThat(estimate.backupBytes()).isEqualTo(backup);
        assertThat(estimate.diskNeeded()).isEqualTo(backup + data);
        // 3,600 B of records at 150 MB/s, 3,000,200 B hashed at 400 MB/s, 3,003,356 B copied at 300 MB/s
        assertThat(estimate.time()).isEqualTo(Duration.ofMillis(1 + 8 + 11));
        // free space moves while other processes write: only its presence and sign are stable
        assertThat(estimate.diskFree()).isPresent();
        assertThat(estimate.diskFree().getAsLong()).isPositive();
    }

    @Test
    void sameInstallationGivesTheSameEstimate() throws IOException {
        installation();
        PlanEstimator estimator = new PlanEstimator();

        PlanEstimate one = estimator.estimate(twoFullSteps(), root);
        PlanEstimate two = estimator.estimate(twoFullSteps(), root);

        assertThat(two.bytesToRead()).isEqualTo(one.bytesToRead());
        assertThat(two.bytesToWrite()).isEqualTo(one.bytesToWrite());
        assertThat(two.backupBytes()).isEqualTo(one.backupBytes());
        assertThat(two.time()).isEqualTo(one.time());
    }

    @Test
    void configOnlyPlanReadsNoDataButStillBacksEverythingUp() throws IOException {
        installation();
        MigrationPlan plan = new FewestStepsPlanner(TinyGraph.of("serve").edge("1.0.0", "2.0.0").graph())
                .plan("serve", "1.0.0", "2.0.0", false);

        PlanEstimate estimate = new PlanEstimator().estimate(plan, root);

        assertThat(estimate.bytesToRead()).isEqualTo(100);
        assertThat(estimate.bytesToWrite()).isEqualTo(100);
        assertThat(estimate.diskNeeded()).isEqualTo(estimate.backupBytes());
        assertThat(estimate.backupBytes()).isEqualTo(3_003_356);
    }

    @Test
    void planWithoutStepsCostsNothing() throws IOException {
        installation();
        MigrationPlan plan = new FewestStepsPlanner(TinyGraph.serve().graph()).plan("serve", "2.1.0", "2.1.0", false);

        PlanEstimate estimate = new PlanEstimator().estimate(plan, root);

        assertThat(estimate.bytesToRead()).isZero();
        assertThat(estimate.backupBytes()).isZero();
        assertThat(estimate.time()).isEqualTo(Duration.ZERO);
        assertThat(estimate.fits()).isTrue();
    }

    @Test
    void missingInstallationIsAnIoFailureNamingIt() {
        Path missing = root.resolve("absent");

        assertThatThrownBy(() -> new PlanEstimator().estimate(twoFullSteps(), missing))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("absent")
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.IO_FAILED));
    }
}
