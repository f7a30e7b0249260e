package dev.verpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verpath.engine.failure.RolledBackFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/** Every {@code --json} result says how the command ended, in {@code outcome}, beside the exit code. */
class OutcomeTest {

    @TempDir
    Path temp;

    private ServeFixture installation() throws IOException {
        return ServeFixture.clean(temp.resolve("inst"));
    }

    private static String outcome(CommandRun run) {
        JsonNode document = run.json();
        assertThat(document.has("outcome")).as(run.out()).isTrue();
        return document.get("outcome").asText();
    }

    @Test
    void aCompletedMigrationSaysCompletedAfterTheCommand() throws IOException {
        ServeFixture inst = installation();

        CommandRun run = CommandRun.of("--json", "version", "--path", inst.arg(), "--to", "2.1.0");

        assertThat(run.exit()).isZero();
        assertThat(outcome(run)).isEqualTo("completed");
        assertThat(run.json().fieldNames().next()).isEqualTo("command");
    }

    @Test
    void aDryRunSaysDryRun() throws IOException {
        ServeFixture inst = installation();

        CommandRun run = CommandRun.of("--json", "version", "--path", inst.arg(), "--to", "2.1.0", "--dry-run");

        assertThat(run.exit()).isZero();
        assertThat(outcome(run)).isEqualTo("dry-run");
    }

    @Test
    void aFailingRuleSaysFailedUnchanged() throws IOException {
        ServeFixture inst = installation();
        inst.write("data/requests.jsonl", "{\"id\":\"req-1\",\"model\":\"llama-7b\",\"ts\":\"yesterday\"}\nnot json\n");

        CommandRun run = CommandRun.of("--json", "version", "--path", inst.arg(), "--to", "2.1.0");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(outcome(run)).isEqualTo("failed-unchanged");
        assertThat(run.json().get("error").get("exitCode").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownTargetIsRefused() throws IOException {
        ServeFixture inst = installation();

        CommandRun run = CommandRun.of("--json", "version", "--path", inst.arg(), "--to", "9.9.9");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(outcome(run)).isEqualTo("refused");
    }

    @Test
    void aUsageErrorIsRefused() {
        CommandRun run = CommandRun.of("--json", "version", "--no-such-option");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(outcome(run)).isEqualTo("refused");
    }

    @Test
    void theScopedCommandsSayTheirOutcome() throws IOException {
        ServeFixture inst = installation();
        String config = inst.resolve("config/server.toml").toString();
        String data = inst.resolve("data").toString();
        String models = inst.resolve("models").toString();

        assertThat(outcome(CommandRun.of("--json", "config", "--config", config, "--from", "1.0.0", "--to", "2.1.0",
                "--dry-run"))).isEqualTo("dry-run");
        assertThat(outcome(CommandRun.of("--json", "data", "--data-path", data, "--from", "1.0.0", "--to", "2.1.0")))
                .isEqualTo("completed");
        assertThat(outcome(CommandRun.of("--json", "models", "--models-path", models, "--from", "1.0.0", "--to", "2.1.0",
                "--dry-run"))).isEqualTo("dry-run");
    }

    @Test
    void everyReadingCommandSaysCompleted() throws IOException {
        ServeFixture inst = installation();
        CommandRun.of("version", "--path", inst.arg(), "--to", "2.1.0");

        for (String[] args : new String[][] {
                {"--json", "status", "--path", inst.arg()},
                {"--json", "info", "--from", "1.0.0", "--to", "2.1.0"},
                {"--json", "graph"},
                {"--json", "plugins", "list"},
                {"--json", "backups", "list", "--path", inst.arg()},
                {"--json", "backups", "verify", "--path", inst.arg()},
                {"--json", "backups", "prune", "--path", inst.arg(), "--yes"},
                {"--json", "validate", "--path", inst.arg()},
                {"--json", "rollback", "--path", inst.arg(), "--yes"}}) {
            CommandRun run = CommandRun.of(args);
            assertThat(run.exit()).as(String.join(" ", args) + "\n" + run.err()).isZero();
            assertThat(outcome(run)).as(String.join(" ", args)).isEqualTo("completed");
        }
    }

    @Test
    void validationErrorsSayInvalid() throws IOException {
        ServeFixture inst = installation();
        inst.write("config/server.toml", "http_port = \"eighty\"\n");

        CommandRun run = CommandRun.of("--json", "validate", "--path", inst.arg());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(outcome(run)).isEqualTo("invalid");
    }

    @Test
    void aRestoredCommitSaysRolledBack() {
        CommandRun run = CommandRun.of(Map.of(), line -> line.addSubcommand(new RolledBack()), "--json", "rolled");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(outcome(run)).isEqualTo("rolled-back");
    }

    @Command(name = "rolled")
    static final class RolledBack implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new RolledBackFailure("commit failed (data/a.jsonl: disk full); backup b1 was restored, so the"
                    + " installation is as before; fix the cause and run again", "b1", null);
        }
    }
}
