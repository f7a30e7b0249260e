package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verpath.testsupport.ServeService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hooks and the health gate around a real serving process ({@link ServeService}: a small HTTP server in its own JVM
 * that reads the installation's config at its start and is healthy only when the config has its version's shape),
 * driven by the real {@code migrate} in a subprocess: the hooks stop and start it through a pid file, the health
 * check asks it.
 */
class HealthGateIT {

    @TempDir
    Path work;

    private Path inst;
    private Path pidFile;
    private Path portFile;
    private SortedMap<String, String> before;

    @BeforeEach
    void servingAt010() throws IOException, InterruptedException {
        inst = work.resolve("inst");
        Files.createDirectories(inst);
        DemoInstallation.write(inst);
        pidFile = work.resolve("run/serve.pid");
        portFile = work.resolve("run/serve.port");
        Files.createDirectories(pidFile.getParent());
        assertThat(service("start", "--path", inst.toString(), "--pid-file", pidFile.toString(), "--port-file",
                portFile.toString())).isZero();
        assertThat(health()).isEqualTo("ok 0.1.0");
        before = TreeSignature.of(inst);
    }

    @AfterEach
    void stopTheService() throws IOException, InterruptedException {
        service("stop", "--pid-file", pidFile.toString());
    }

    @Test
    void aGoodMigrationStopsMigratesStartsAndFindsTheNewVersionHealthy() throws IOException, InterruptedException {
        config(start(), "");

        CommandRun run = migrate("--json", "version", "--path", inst.toString(), "--to", "2.1.0");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.path("outcome").asText()).isEqualTo("completed");
        JsonSchemas.assertConforms(run, "version");
        assertThat(lines(json.path("service"))).first().asString().startsWith("hook before_commit: done in");
        assertThat(lines(json.path("service"))).anyMatch(l -> l.startsWith("hook after_commit: done in"))
                .anyMatch(l -> l.startsWith("health of 2.1.0: healthy after"));
        JsonNode attempt = json.path("service").get(2);
        assertThat(attempt.path("phase").asText()).isEqualTo("health");
        assertThat(attempt.path("attempt").asInt()).isEqualTo(1);
        assertThat(attempt.path("outcome").asText()).isIn("healthy", "unhealthy");
        assertThat(attempt.has("exitStatus") && attempt.has("millis") && attempt.has("lastLine")).isTrue();
        assertThat(health()).as("the service runs the new config").isEqualTo("ok 2.1.0");
        assertThat(Files.exists(inst.resolve(".migrate/journal.json"))).as("the journal ended once healthy").isFalse();
    }

    @Test
    void aMigrationTheServiceRefusesIsRolledBackAndTheOldVersionServesAgain() throws IOException, InterruptedException {
        // the new service needs a key no rule writes: the files are right by the rules, the service will not have them
        List<String> refusing = new ArrayList<>(start());
        refusing.addAll(List.of("--require", "server.tls_certificate"));
        config(refusing, "after_rollback = " + toml(start()) + "\n");

        CommandRun run = migrate("--json", "version", "--path", inst.toString(), "--to", "2.1.0");

        assertThat(run.exit()).as(run.err()).isEqualTo(6);
        JsonNode json = run.json();
        assertThat(json.path("outcome").asText()).isEqualTo("rolled-back-unhealthy");
        JsonSchemas.assertConforms(run, "error");
        assertThat(json.path("oldHealthy").asBoolean()).isTrue();
        assertThat(json.path("error").path("message").asText())
                .contains("the health check found 2.1.0 unhealthy after 3 attempts; the last exited 1: unhealthy:")
                .contains("was restored, so " + inst + " is at 0.1.0 again; the old version is healthy again");
        assertThat(lines(json.path("service"))).anyMatch(l -> l.startsWith("hook after_rollback: done in"))
                .anyMatch(l -> l.startsWith("health of 0.1.0: healthy after"));
        assertThat(json.path("service")).anyMatch(e -> e.path("phase").asText().equals("health")
                && e.path("outcome").asText().equals("unhealthy") && e.path("exitStatus").asInt() == 1
                && e.path("lastLine").asText().contains("lacks server.tls_certificate"));
        assertThat(TreeSignature.of(inst)).as("every byte as before").isEqualTo(before);
        assertThat(health()).isEqualTo("ok 0.1.0");
        assertThat(Files.exists(inst.resolve(".migrate/journal.json"))).isFalse();
        assertThat(migrate("status", "--path", inst.toString()).out()).contains("version: 0.1.0")
                .contains("interrupted migration: none");
    }

    @Test
    void aFailingBeforeCommitHookStopsTheRunBeforeAnyChangeAndRemovesTheBackup() throws IOException, InterruptedException {
        Files.writeString(work.resolve("migration_config.toml"), """
                [hooks]
                before_commit = { shell = "echo the unit is masked; exit 3" }
                """);

        CommandRun run = migrate("version", "--path", inst.toString(), "--to", "2.1.0");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).last().asString().startsWith("migrate: hook before_commit (echo the unit is masked; exit 3)"
                + " failed with exit status 3").contains("its last line: the unit is masked")
                .contains("nothing was changed and the run's backup was removed; fix what it runs, or hooks.before_commit in"
                        + " migration_config.toml (or --hook before_commit=...), then run again");
        assertThat(run.err()).contains("running the before_commit hook: echo the unit is masked; exit 3");
        assertThat(TreeSignature.of(inst)).isEqualTo(before);
        assertThat(backups()).isEmpty();
        assertThat(health()).as("the service was never stopped").isEqualTo("ok 0.1.0");
    }

    @Test
    void aHookThatHangsIsKilledAtItsTimeoutAndNamed() throws IOException, InterruptedException {
        Files.writeString(work.resolve("migration_config.toml"), """
                [hooks]
                timeout = "1s"
                before_commit = ["sleep", "60"]
                """);
        long started = System.nanoTime();

        CommandRun run = migrate("version", "--path", inst.toString(), "--to", "2.1.0");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(30);
        assertThat(run.err()).contains("hook before_commit (sleep 60) timed out after 1.0s and was killed");
        assertThat(TreeSignature.of(inst)).isEqualTo(before);
    }

    @Test
    void aDryRunAndInfoListTheHooksAndRunNone() throws IOException, InterruptedException {
        Path marker = work.resolve("ran");
        Files.writeString(work.resolve("migration_config.toml"), "[hooks]\nbefore_run = " + toml(List.of("touch",
                marker.toString())) + "\nbefore_commit = " + toml(List.of("touch", marker.toString())) + "\n");

        CommandRun dry = migrate("version", "--path", inst.toString(), "--to", "2.1.0", "--dry-run");
        CommandRun info = migrate("info", "--path", inst.toString(), "--to", "2.1.0");

        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("hooks and health check that would run (a dry run runs none):\n  before_run: touch "
                + marker);
        assertThat(info.out()).contains("hooks and health check around the run (info runs none):\n  before_run: touch");
        assertThat(Files.exists(marker)).as("no hook ran").isFalse();
    }

    @Test
    void aRunKilledWhileWaitingForHealthIsRecoveredByTheNextCommand() throws Exception {
        Files.writeString(work.resolve("migration_config.toml"), "[hooks]\nbefore_commit = " + toml(stop())
                + "\nafter_commit = " + toml(start()) + "\n[health]\ncommand = [\"false\"]\nretries = 1000\n"
                + "interval = \"100ms\"\n");
        Process run = Launcher.start(work, Map.of(), work.resolve("killed.out"), "version", "--path", inst.toString(),
                "--to", "2.1.0");
        Path journal = inst.resolve(".migrate/journal.json");
        awaitHealthWait(run, work.resolve("killed.out"));
        run.destroyForcibly().waitFor();

        CommandRun status = migrate("status", "--path", inst.toString());
        // the health command here always fails: the recovery skips it (the hooks still stop and start the service)
        CommandRun rollback = migrate("--yes", "--no-health", "rollback", "--path", inst.toString());

        assertThat(status.out()).contains("was committed, then interrupted while waiting for the service's health check");
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        assertThat(rollback.err()).contains("recovering: a migration 0.1.0 -> 2.1.0 was committed");
        assertThat(TreeSignature.of(inst)).isEqualTo(before);
        assertThat(Files.exists(journal)).isFalse();
    }

    @Test
    void rollbackStopsTheServiceRestoresStartsTheOldVersionAndChecksIt() throws IOException, InterruptedException {
        config(start(), "after_rollback = " + toml(start()) + "\n");
        assertThat(migrate("version", "--path", inst.toString(), "--to", "2.1.0").exit()).isZero();
        assertThat(health()).isEqualTo("ok 2.1.0");

        CommandRun rollback = migrate("--yes", "rollback", "--path", inst.toString());

        assertThat(rollback.exit()).as(rollback.err()).isZero();
        assertThat(rollback.err()).contains("running the before_commit hook").contains("validation of 0.1.0: no errors")
                .contains("running the after_rollback hook").contains("checking the health of 0.1.0");
        assertThat(rollback.err().indexOf("validation of 0.1.0")).as("validated before the service starts again")
                .isLessThan(rollback.err().indexOf("running the after_rollback hook"));
        assertThat(health()).isEqualTo("ok 0.1.0");
        assertThat(TreeSignature.of(inst)).isEqualTo(before);
    }

    @Test
    void sigtermWhileWaitingForHealthUndoesTheMigrationThenStops() throws Exception {
        Files.writeString(work.resolve("migration_config.toml"), "[hooks]\nbefore_commit = " + toml(stop())
                + "\nafter_commit = " + toml(start()) + "\nafter_rollback = " + toml(start())
                + "\n[health]\ncommand = [\"false\"]\nretries = 1000\ninterval = \"100ms\"\n");
        Path output = work.resolve("terminated.out");
        Process run = Launcher.start(work, Map.of(), output, "version", "--path", inst.toString(), "--to", "2.1.0");
        awaitHealthWait(run, output);

        run.destroy(); // SIGTERM

        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(Files.readString(output)).isEqualTo(143);
        assertThat(Files.readString(output)).contains("stopped by a signal while checking the health of 2.1.0")
                .contains("was restored");
        assertThat(TreeSignature.of(inst)).isEqualTo(before);
        assertThat(inst.resolve(".migrate/journal.json")).doesNotExist();
        assertThat(health()).as("the old version serves again").isEqualTo("ok 0.1.0");
    }

    private void awaitHealthWait(Process run, Path output) throws IOException, InterruptedException {
        Path journal = inst.resolve(".migrate/journal.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(journal) && Files.readString(journal).contains("health-pending"))) {
            assertThat(run.isAlive()).as(Files.readString(output)).isTrue();
            assertThat(System.nanoTime()).as("the run reached its health wait").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void aWriteBeforeTheServiceStoppedStartsTheRunOverOnTheQuietTree() throws IOException, InterruptedException {
        // the service's last request lands while before_commit stops it: the engine's scan is stale by then
        Files.writeString(work.resolve("migration_config.toml"), """
                [hooks]
                before_commit = { shell = "echo '{\\"id\\":\\"late-1\\",\\"model\\":\\"llama-7b\\",\\"ts\\":1700000099}' >> data/requests.jsonl; echo stopped >> ../stops" }
                """);

        CommandRun run = migrate("version", "--path", inst.toString(), "--to", "2.1.0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("requests.jsonl changed before the service stopped; running the steps again");
        assertThat(Files.readAllLines(work.resolve("stops"))).as("the hook ran once").containsExactly("stopped");
        String migrated = Files.readString(inst.resolve("data/requests.jsonl"));
        assertThat(migrated).contains("\"id\":\"late-1\"").contains("\"schema_version\"");
        assertThat(backups()).hasSize(1);
    }

    private void config(List<String> afterCommit, String more) throws IOException {
        Files.writeString(work.resolve("migration_config.toml"), "[hooks]\nbefore_commit = " + toml(stop())
                + "\nafter_commit = " + toml(afterCommit) + "\n" + more + "[health]\ncommand = "
                + toml(ServeService.command("health", "--port-file", portFile.toString()))
                + "\nretries = 3\ninterval = \"200ms\"\ntimeout = \"5s\"\n");
    }

    private List<String> start() {
        return ServeService.command("start", "--path", inst.toString(), "--pid-file", pidFile.toString(), "--port-file",
                portFile.toString());
    }

    private List<String> stop() {
        return ServeService.command("stop", "--pid-file", pidFile.toString());
    }

    /** A TOML array of literal strings (no escapes: the paths here hold no single quote). */
    private static String toml(List<String> words) {
        return words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    private CommandRun migrate(String... args) {
        return Launcher.run(work, args);
    }

    private List<String> backups() throws IOException, InterruptedException {
        Path folder = inst.resolve(".migrate/backups");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        }
    }

    private static List<String> lines(JsonNode array) {
        List<String> lines = new ArrayList<>();
        array.forEach(n -> lines.add(n.path("line").asText()));
        return lines;
    }

    private String health() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ServeService.command("health", "--port-file", portFile.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return out;
    }

    private int service(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ServeService.command(args[0], java.util.Arrays.copyOfRange(args, 1, args.length)))
                .redirectErrorStream(true).redirectOutput(work.resolve("service-" + args[0] + ".out").toFile()).start();
        return p.waitFor();
    }
}
