package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail written by the real {@code ./migrate}: one line after a successful, a failed and a killed
 * (SIGKILL) run; a torn last line skipped; what {@code status} shows of it.
 */
class AuditTrailIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private Path root;

    @BeforeEach
    void install() throws IOException {
        root = work.resolve("inst");
        Files.createDirectories(root);
        DemoInstallation.write(root);
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve(".migrate/audit.jsonl"), StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void aSuccessfulRunWritesOneLineWithThePlanTheBackupAndTheSystem() throws IOException {
        CommandRun run = Launcher.run(work, "version", "--path", "inst", "--to", "2.1.0", "--quiet");
        assertThat(run.exit()).as(run.err()).isZero();

        List<JsonNode> lines = lines();

        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.path("command").asText()).isEqualTo("version");
        assertThat(line.path("argv")).extracting(JsonNode::asText)
                .containsExactly("version", "--path", "inst", "--to", "2.1.0", "--quiet");
        assertThat(line.path("outcome").asText()).isEqualTo("completed");
        assertThat(line.path("exit_code").asInt(-1)).isZero();
        assertThat(line.path("product").asText()).isEqualTo("serve");
        assertThat(line.path("from").asText()).isEqualTo("0.1.0");
        assertThat(line.path("to").asText()).isEqualTo("2.1.0");
        assertThat(line.path("steps")).extracting(JsonNode::asText)
                .containsExactly("0.1.0 -> 1.0.0", "1.0.0 -> 2.0.0", "2.0.0 -> 2.1.0");
        assertThat(root.resolve(".migrate/backups").resolve(line.path("backup_id").asText())).isDirectory();
        assertThat(line.path("bytes_read").asLong()).isPositive();
        assertThat(line.path("bytes_written").asLong()).isPositive();
        assertThat(line.path("user").asText()).isNotBlank();
        assertThat(line.path("host").asText()).isNotBlank();
        assertThat(line.path("pid").asLong()).isPositive();
        assertThat(line.path("end").asText()).isGreaterThanOrEqualTo(line.path("start").asText());
        JsonNode system = line.path("system");
        assertThat(system.path("verpath").asText()).isNotBlank();
        assertThat(system.path("java").asText()).startsWith(System.getProperty("java.version").split("\\.")[0]);
        assertThat(system.path("plugins")).extracting(p -> p.path("id").asText()).contains("wan-orchestrator");
        assertThat(system.path("plugins")).allSatisfy(p -> assertThat(p.path("sha256").asText()).matches("[0-9a-f]{64}"));
        assertThat(system.path("settings").path("backup.keep_last").path("source").asText()).isEqualTo("default");
        JsonNode manifest = JSON.readTree(root.resolve(".migrate/backups").resolve(line.path("backup_id").asText())
                .resolve("manifest.json").toFile());
        assertThat(manifest.path("system").path("plugins")).isEqualTo(system.path("plugins"));
        assertThat(root.resolve(".migrate/audit-open")).isEmptyDirectory();
    }

    @Test
    void aFailedRunWritesItsErrorLineAndExitCode() throws IOException {
        Files.writeString(root.resolve("data/requests.jsonl"), "{\"id\":\"req-5\", broken\n", StandardOpenOption.APPEND);

        CommandRun run = Launcher.run(work, "version", "--path", "inst", "--to", "2.1.0", "--quiet");

        assertThat(run.exit()).isEqualTo(1);
        JsonNode line = lines().get(0);
        assertThat(lines()).hasSize(1);
        assertThat(line.path("outcome").asText()).isEqualTo("failed");
        assertThat(line.path("exit_code").asInt()).isEqualTo(1);
        assertThat(line.path("error").asText()).contains("data/requests.jsonl").isEqualTo(run.errLines().get(0)
                .substring("migrate: ".length()));
        assertThat(line.path("from").asText()).isEqualTo("0.1.0");
    }

    @Test
    void aUsageErrorLeavesNoLineAndNoStateFolder() {
        CommandRun run = Launcher.run(work, "version", "--path", "inst", "--to", "9.9.9");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(root.resolve(".migrate")).doesNotExist();
    }

    @Test
    void aKilledRunIsShownByStatusAndWrittenAsKilledByTheNextCommand() throws Exception {
        Path log = work.resolve("killed.log");
        Process run = Launcher.start(work, Map.of("MIGRATE_JAVA_OPTS", "-Dverpath.test.pause=backup-start:60000"), log,
                "version", "--path", "inst", "--to", "2.1.0");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.readString(log).contains("backing up") && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(openStarts()).as(Files.readString(log)).hasSize(1);
        String runId = openStarts().get(0).getFileName().toString().replace(".json", "");
        run.destroyForcibly(); // SIGKILL: the launcher execs the JVM
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();

        CommandRun status = Launcher.run(work, "--json", "status", "--path", "inst");
        JsonNode open = JSON.readTree(status.out()).path("audit").path("open");
        CommandRun again = Launcher.run(work, "version", "--path", "inst", "--to", "2.1.0", "--quiet");

        assertThat(open).singleElement().satisfies(o -> {
            assertThat(o.path("run_id").asText()).isEqualTo(runId);
            assertThat(o.path("outcome").asText()).isEqualTo("killed");
        });
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(lines()).extracting(l -> l.path("outcome").asText()).containsExactly("killed", "completed");
        assertThat(lines().get(0).path("run_id").asText()).isEqualTo(runId);
        assertThat(lines().get(0).path("exit_code").isNull()).isTrue();
        assertThat(openStarts()).isEmpty();
    }

    private List<Path> openStarts() throws IOException {
        Path folder = root.resolve(".migrate/audit-open");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    @Test
    void aTornLastLineIsSkippedAndStatusShowsTheLastCommands() throws IOException {
        assertThat(Launcher.run(work, "version", "--path", "inst", "--to", "2.1.0", "--quiet").exit()).isZero();
        Files.writeString(root.resolve(".migrate/audit.jsonl"), "{\"run_id\":\"torn\",\"comm", StandardOpenOption.APPEND);
        assertThat(Launcher.run(work, "--yes", "rollback", "--path", "inst").exit()).isZero();

        CommandRun text = Launcher.run(work, "status", "--path", "inst");
        JsonNode audit = JSON.readTree(Launcher.run(work, "--json", "status", "--path", "inst").out()).path("audit");

        assertThat(audit.path("entries")).extracting(e -> e.path("command").asText()).containsExactly("version", "rollback");
        assertThat(audit.path("skipped").asInt()).isEqualTo(1);
        assertThat(text.out()).contains("audit trail (2 command(s); 1 torn line(s) skipped):")
                .containsPattern("version  completed \\(exit 0\\)  0\\.1\\.0 -> 2\\.1\\.0  backup \\S+  by \\S+@\\S+  run \\S+")
                .contains("rollback  completed (exit 0)");
    }
}
