package dev.verpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --metrics-file}: the Prometheus text format, written atomically, with a runs counter kept across runs. */
class MetricsFileTest {

    @TempDir
    Path temp;

    private TextExposition.Parsed read(Path file) throws IOException {
        return TextExposition.parse(Files.readString(file));
    }

    private static double value(TextExposition.Parsed parsed, String name, Map<String, String> labels) {
        List<TextExposition.Sample> found = parsed.named(name).stream()
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
        assertThat(found).as(name + labels + " in " + parsed.samples()).hasSize(1);
        return found.get(0).value();
    }

    @Test
    void aMigrationWritesEveryFigureInTheTextFormat() throws IOException {
        ServeFixture inst = ServeFixture.clean(temp.resolve("inst"));
        Path file = temp.resolve("textfile/verpath.prom");

        CommandRun run = CommandRun.of("version", "--path", inst.arg(), "--to", "2.1.0", "--metrics-file", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        TextExposition.Parsed parsed = read(file);
        Map<String, String> labels = Map.of("command", "version", "product", "serve", "from", "1.0.0", "to", "2.1.0");
        assertThat(value(parsed, "verpath_run_outcome", Map.of("outcome", "completed", "command", "version"))).isEqualTo(1);
        assertThat(value(parsed, "verpath_run_success", labels)).isEqualTo(1);
        assertThat(value(parsed, "verpath_run_duration_seconds", labels)).isPositive();
        for (String phase : List.of("prepare", "shadow_run", "backup", "commit", "record")) {
            assertThat(value(parsed, "verpath_phase_duration_seconds", Map.of("phase", phase))).isNotNegative();
        }
        assertThat(parsed.named("verpath_step_duration_seconds")).isNotEmpty()
                .allMatch(s -> s.labels().get("step").contains("->"));
        assertThat(value(parsed, "verpath_run_records_migrated", labels)).isEqualTo(2);
        assertThat(value(parsed, "verpath_run_files_changed", labels)).isPositive();
        assertThat(value(parsed, "verpath_backup_size_bytes", labels)).isPositive();
        assertThat(value(parsed, "verpath_run_cpu_seconds", labels)).isPositive();
        assertThat(value(parsed, "verpath_run_peak_memory_bytes", labels)).isPositive();
        assertThat(value(parsed, "verpath_last_success_timestamp_seconds", Map.of()))
                .isGreaterThan(value(parsed, "verpath_newest_backup_timestamp_seconds", Map.of()) - 1);
        assertThat(value(parsed, "verpath_runs_total", Map.of("outcome", "completed"))).isEqualTo(1);
        assertThat(parsed.types()).containsEntry("verpath_run_duration_seconds", "gauge");
        assertThat(parsed.types().values()).contains("counter");
    }

    @Test
    void theRunsCounterSurvivesAcrossRunsByOutcome() throws IOException {
        ServeFixture inst = ServeFixture.clean(temp.resolve("inst"));
        Path file = temp.resolve("verpath.prom");

        CommandRun.of("version", "--path", inst.arg(), "--to", "2.1.0", "--metrics-file", file.toString());
        CommandRun.of("version", "--path", inst.arg(), "--to", "2.1.0", "--metrics-file", file.toString());
        CommandRun refused = CommandRun.of("version", "--path", inst.arg(), "--to", "9.9.9", "--metrics-file", file.toString());

        assertThat(refused.exit()).isEqualTo(2);
        TextExposition.Parsed parsed = read(file);
        assertThat(value(parsed, "verpath_runs_total", Map.of("outcome", "completed"))).isEqualTo(2);
        assertThat(value(parsed, "verpath_runs_total", Map.of("outcome", "refused"))).isEqualTo(1);
        assertThat(value(parsed, "verpath_run_outcome", Map.of("outcome", "refused"))).isEqualTo(1);
        assertThat(value(parsed, "verpath_run_success", Map.of("command", "version"))).isZero();
        assertThat(parsed.named("verpath_last_success_timestamp_seconds")).hasSize(1);
        assertThat(inst.resolve(".migrate/" + RunsCounter.FILE)).isRegularFile();
    }

    @Test
    void aDryRunCountsNothingAndWritesNothingInTheInstallation() throws IOException {
        ServeFixture inst = ServeFixture.clean(temp.resolve("inst"));
        Path file = temp.resolve("verpath.prom");

        CommandRun run = CommandRun.of("version", "--path", inst.arg(), "--to", "2.1.0", "--dry-run", "--metrics-file",
                file.toString());

        assertThat(run.exit()).isZero();
        assertThat(value(read(file), "verpath_run_outcome", Map.of("outcome", "dry-run"))).isEqualTo(1);
        assertThat(read(file).named("verpath_runs_total")).isEmpty();
        assertThat(inst.resolve(".migrate")).doesNotExist();
    }

    @Test
    void theFileIsReplacedWholeAndNoTemporaryFileStays() throws IOException {
        ServeFixture inst = ServeFixture.clean(temp.resolve("inst"));
        Path folder = Files.createDirectories(temp.resolve("textfile"));
        Path file = folder.resolve("verpath.prom");
        Files.writeString(file, "# an older file\nold_metric 1\n");

        CommandRun.of("version", "--path", inst.arg(), "--to", "2.1.0", "--metrics-file", file.toString());

        assertThat(Files.readString(file)).doesNotContain("old_metric");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void validateWritesFindingsByCategoryAndSeverity() throws IOException {
        ServeFixture inst = ServeFixture.clean(temp.resolve("inst"));
        inst.write("config/server.toml", "http_port = \"eighty\"\n");
        Path file = temp.resolve("validate.prom");

        CommandRun run = CommandRun.of("validate", "--path", inst.arg(), "--metrics-file", file.toString());

        assertThat(run.exit()).isEqualTo(1);
        TextExposition.Parsed parsed = read(file);
        assertThat(value(parsed, "verpath_run_outcome", Map.of("outcome", "invalid", "command", "validate"))).isEqualTo(1);
        List<TextExposition.Sample> findings = parsed.named("verpath_validation_findings");
        assertThat(findings).allMatch(s -> s.labels().containsKey("category") && s.labels().containsKey("severity"));
        assertThat(findings.stream().filter(s -> s.labels().get("severity").equals("error"))
                .mapToDouble(TextExposition.Sample::value).sum()).isPositive();
        assertThat(parsed.named("verpath_runs_total")).isEmpty();
    }

    @Test
    void aRollbackWritesItsOutcome() throws IOException {
        ServeFixture inst = ServeFixture.clean(temp.resolve("inst"));
        Path file = temp.resolve("rollback.prom");
        CommandRun.of("version", "--path", inst.arg(), "--to", "2.1.0");

        CommandRun run = CommandRun.of("rollback", "--path", inst.arg(), "--yes", "--metrics-file", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        TextExposition.Parsed parsed = read(file);
        assertThat(value(parsed, "verpath_run_outcome", Map.of("outcome", "completed", "command", "rollback")))
                .isEqualTo(1);
        assertThat(value(parsed, "verpath_runs_total", Map.of("outcome", "completed"))).isEqualTo(1);
    }
}
