package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verpath.testsupport.HostProgram;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress of the long phases, through the real launcher with pipes: on stderr only, plain lines when stderr is
 * not a terminal (the periodic ones with percent, rate and ETA), JSON lines under the JSON log format, nothing with
 * --quiet, and never on stdout.
 */
class ProgressDisplayIT {

    /** The test seam lowers the 5 s between two periodic lines, so that a short phase shows them. */
    private static final Map<String, String> FAST = Map.of("MIGRATE_JAVA_OPTS", "-D" + ProgressDisplays.INTERVAL_PROPERTY + "=1");

    private static final List<String> PHASES = List.of("hashing weights", "migrating records", "backing up",
            "applying changes", "checking record files", "verifying backups", "restoring the backup");

    @TempDir
    Path dir;

    /** The demo installation with some 60 000 more records, so the record pass lasts a moment. */
    private Path installation() throws IOException {
        Path root = dir.resolve("inst");
        DemoInstallation.write(root);
        try (Writer out = Files.newBufferedWriter(root.resolve("data/requests.jsonl"), StandardOpenOption.APPEND)) {
            for (int i = 0; i < 60_000; i++) {
                out.write("{\"id\":\"bulk-" + i + "\",\"model\":\"llama-7b\",\"ts\":1700000000,\"latency_ms\":250,"
                        + "\"prompt_tokens\":12,\"completion_tokens\":30,\"client_ip\":\"10.1.2.3\"}\n");
            }
        }
        return root;
    }

    @Test
    void plainLinesOnStderrWithPercentRateAndEtaWhenNotATerminal() throws IOException {
        Path root = installation();

        CommandRun run = Launcher.run(dir, FAST, "version", "--path", root.toString(), "--to", "2.1.0", "--yes");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("hashing weights: ", "migrating records: ", "backing up: ", "applying changes: ");
        assertThat(run.err()).containsPattern("(?m)^migrating records: \\d+% \\([\\d.]+ [KMG]?i?B of [\\d.]+ [KMG]?i?B\\), "
                + "[\\d.]+ [KMG]?i?B/s, ETA (\\d+:\\d\\d|\\?)$");
        assertThat(run.err()).containsPattern("(?m)^migrating records: done, 100% ");
        // the engine's own progress lines are still there, as they were
        assertThat(run.err()).contains("streaming records through");
        PHASES.forEach(phase -> assertThat(run.out()).doesNotContain(phase + ":"));
    }

    @Test
    void validateAndBackupsVerifyShowTheirPhases() throws IOException {
        Path root = installation();
        assertThat(Launcher.run(dir, "version", "--path", root.toString(), "--to", "2.1.0", "--yes").exit()).isZero();

        CommandRun validate = Launcher.run(dir, FAST, "validate", "--path", root.toString());
        CommandRun verify = Launcher.run(dir, FAST, "backups", "verify", "--path", root.toString());

        assertThat(validate.err()).contains("checking record files: ");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.err()).contains("verifying backups: ");
        assertThat(validate.out() + verify.out()).doesNotContain("checking record files:", "verifying backups:");
    }

    @Test
    void nothingOnStdoutButTheDocumentUnderJson() throws IOException {
        Path root = installation();

        CommandRun run = Launcher.run(dir, FAST, "--json", "version", "--path", root.toString(), "--to", "2.1.0", "--yes");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.json().path("command").asText()).isEqualTo("version");
        PHASES.forEach(phase -> assertThat(run.out() + run.err()).doesNotContain(phase + ":"));
    }

    @Test
    void nothingAtAllWithQuiet() throws IOException {
        Path root = installation();

        CommandRun run = Launcher.run(dir, FAST, "--quiet", "version", "--path", root.toString(), "--to", "2.1.0", "--yes");

        assertThat(run.exit()).as(run.err()).isZero();
        PHASES.forEach(phase -> assertThat(run.out() + run.err()).doesNotContain(phase));
    }

    @Test
    void jsonLinesOnStderrUnderTheJsonLogFormat() throws IOException {
        Path root = installation();
        Map<String, String> env = Map.of("MIGRATE_LOG_FORMAT", "json", "MIGRATE_JAVA_OPTS", FAST.get("MIGRATE_JAVA_OPTS"));

        CommandRun run = Launcher.run(dir, env, "--json", "version", "--path", root.toString(), "--to", "2.1.0", "--yes");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.json().path("command").asText()).isEqualTo("version");
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = run.err().lines().filter(l -> l.startsWith("{\"progress\"")).map(l -> {
            try {
                return mapper.readTree(l);
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + l, e);
            }
        }).toList();
        assertThat(lines).extracting(n -> n.path("progress").asText() + " " + n.path("event").asText())
                .contains("records started", "records ended", "backup started", "backup ended");
        JsonNode advanced = lines.stream().filter(n -> n.path("event").asText().equals("advanced")).findFirst().orElseThrow();
        assertThat(advanced.fieldNames()).toIterable().contains("done", "total", "unit", "percent", "rate_per_second");
        assertThat(advanced.path("done").asLong()).isBetween(0L, advanced.path("total").asLong());
        assertThat(run.out()).doesNotContain("\"progress\"");
    }

    @Test
    void liveDisplayOnATerminal() throws IOException, InterruptedException {
        HostProgram.require("a pseudo-terminal for the live display", "script", "-qc", "true", "/dev/null");
        Path root = installation();
        String command = "'" + Launcher.script() + "' version --path '" + root + "' --to 2.1.0 --yes 2>&1 >/dev/null";
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", command, "/dev/null").directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("MIGRATE_"));
        builder.environment().put("TERM", "xterm");
        Process process = builder.start();
        process.getOutputStream().close();
        String screen = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(screen).isZero();
        // the bar redraws its line in place (a carriage return) with the phase, the amounts in MiB and a rate
        assertThat(screen).contains("\r").contains("migrating records").containsPattern("MiB/s");
        assertThat(screen).doesNotContain("migrating records: ");
    }
}
