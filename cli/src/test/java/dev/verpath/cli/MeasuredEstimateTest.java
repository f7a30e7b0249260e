package dev.verpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code info}'s estimate before and after a migration of the installation: default speeds first, then the speeds,
 * overhead and peak memory the run measured, kept privately in {@code .migrate/rates.json}; a dry run measures
 * nothing, and deleting the file brings the defaults back.
 */
class MeasuredEstimateTest {

    @TempDir
    Path work;

    private JsonNode estimate(ServeFixture inst) {
        CommandRun info = CommandRun.of("--json", "info", "--path", inst.arg(), "--from", "1.0.0", "--to", "2.1.0");
        assertThat(info.exit()).as(info.err()).isZero();
        JsonSchemas.assertConforms(info, "info");
        return info.json().path("plan").path("estimate");
    }

    @Test
    void aMigrationMeasuresTheSpeedsTheNextEstimateUses() throws IOException {
        ServeFixture inst = ServeFixture.clean(work.resolve("inst"));
        Path rates = inst.root().resolve(".migrate/rates.json");

        JsonNode before = estimate(inst);
        assertThat(before.path("basis").asText()).isEqualTo("no run measured on this machine yet: default speeds");
        assertThat(before.path("peakMemory").isNull()).isTrue();
        assertThat(CommandRun.of("version", "--path", inst.arg(), "--to", "2.0.0", "--dry-run").exit()).isZero();
        assertThat(rates).as("a dry run measures nothing").doesNotExist();

        CommandRun run = CommandRun.of("version", "--path", inst.arg(), "--to", "2.0.0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.getPosixFilePermissions(rates)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        JsonNode after = estimate(inst);
        assertThat(after.path("basis").asText()).isEqualTo("measured by the last run on this machine");
        assertThat(after.path("peakMemory").asLong()).isPositive();
        assertThat(after.path("timeMillis").asLong()).as("the measured overhead counts").isGreaterThan(
                before.path("timeMillis").asLong());
        CommandRun text = CommandRun.of("info", "--path", inst.arg(), "--from", "1.0.0", "--to", "2.1.0");
        assertThat(text.out()).contains(", peak memory about ").contains("  speeds measured by the last run on this machine");

        Files.delete(rates);
        assertThat(estimate(inst).path("basis").asText()).isEqualTo("no run measured on this machine yet: default speeds");
    }
}
