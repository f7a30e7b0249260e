package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log lines of the real {@code ./migrate}: JSON lines that parse and carry the run id, product and step; the seed
 * guide's {@code RUST_LOG}; {@code --log-file}; a plugin's lines tagged with its id; stdout untouched.
 */
class LogLinesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private Path demo() throws IOException {
        Path root = work.resolve("inst");
        Files.createDirectories(root);
        DemoInstallation.write(root);
        return root;
    }

    private static List<JsonNode> jsonLines(String text) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void jsonLinesParseAndCarryTheRunIdProductAndStep() throws IOException {
        Path root = demo();

        CommandRun run = Launcher.run(work, "--log-format", "json", "--log-level", "info", "--quiet", "--json",
                "version", "--path", "inst", "--to", "2.1.0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).path("command").asText()).isEqualTo("version");
        List<JsonNode> lines = jsonLines(run.err());
        String runId = JSON.readTree(Files.readAllLines(root.resolve(".migrate/audit.jsonl")).get(0)).path("run_id").asText();
        assertThat(lines).isNotEmpty().allSatisfy(l -> {
            assertThat(l.path("run_id").asText()).isEqualTo(runId);
            assertThat(l.path("time").asText()).endsWith("Z");
            assertThat(l.path("level").asText()).isIn("INFO", "WARN", "ERROR");
        });
        assertThat(lines).filteredOn(l -> l.path("message").asText().startsWith("step 2/3 started")).singleElement()
                .satisfies(l -> {
                    assertThat(l.path("product").asText()).isEqualTo("serve");
                    assertThat(l.path("step").asText()).isEqualTo("1.0.0 -> 2.0.0");
                });
        assertThat(lines).extracting(l -> l.path("message").asText())
                .anySatisfy(m -> assertThat(m).startsWith("committed and recorded"));
    }

    @Test
    void rustLogSetsTheLevelAsTheGuideSays() throws IOException {
        demo();

        CommandRun quiet = Launcher.run(work, "--quiet", "version", "--path", "inst", "--to", "1.0.0");
        CommandRun rust = Launcher.run(work, Map.of("RUST_LOG", "trustformers=info"), "--quiet", "version", "--path",
                "inst", "--to", "2.0.0");

        assertThat(quiet.exit()).as(quiet.err()).isZero();
        assertThat(quiet.err()).doesNotContain(" INFO ");
        assertThat(rust.exit()).as(rust.err()).isZero();
        assertThat(rust.err()).contains(" INFO StepSequence [product=serve step=1.0.0 -> 2.0.0]: step 1/1 started");
    }

    @Test
    void logFileTakesTheLinesOffStderr() throws IOException {
        demo();
        Path file = work.resolve("logs/migrate.log");

        CommandRun run = Launcher.run(work, Map.of("MIGRATE_LOG", "info"), "--log-file", file.toString(), "--quiet",
                "version", "--path", "inst", "--to", "1.0.0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain(" INFO ");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains(" INFO MigrationExecutor [product=serve]: ");
    }

    @Test
    void aPluginsLinesAreTaggedWithItsId() throws Exception {
        Path root = work.resolve("wan");
        Files.createDirectories(root);
        DemoPluginTour.write(root);

        CommandRun run = Launcher.run(work, "--log-format", "json", "--log-level", "info", "--quiet", "version",
                "--path", root.toString(), "--to", "2.0.0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(jsonLines(run.err())).filteredOn(l -> l.path("message").asText().startsWith("moving "))
                .isNotEmpty().allSatisfy(l -> {
                    assertThat(l.path("plugin").asText()).isEqualTo("wan-orchestrator");
                    assertThat(l.path("logger").asText()).isEqualTo("plugin.wan-orchestrator");
                    assertThat(l.path("rule").asText()).isNotBlank();
                    assertThat(l.path("product").asText()).isEqualTo("wan");
                });
    }
}
