package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verpath.engine.failure.EngineFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine.Command;
import static org.assertj.core.api.Assertions.assertThat;

class FailureHandlingTest {

    /** A command that fails the way it is told to. */
    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        private final RuntimeException failure;

        Failing(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure;
        }
    }

    private static CommandRun failWith(RuntimeException failure, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "fail";
        System.arraycopy(options, 0, args, 1, options.length);
        return CommandRun.of(Map.of(), line -> line.addSubcommand(new Failing(failure)), args);
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void anEngineFailureExitsWithItsCodeAndPrintsOneLine(ErrorCode code) {
        CommandRun run = failWith(EngineFailure.of(code, "data/a.jsonl:3: not a JSON object; fix the line"));

        assertThat(run.exit()).isEqualTo(ExitStatus.of(code).code());
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("migrate: data/a.jsonl:3: not a JSON object; fix the line\n");
    }

    @Test
    void exitCodesFollowTheContract() {
        assertThat(failWith(new InputFailure(ErrorCode.RULE_FAILED, "data/a.jsonl: x; fix it")).exit()).isEqualTo(1);
        assertThat(failWith(new InputFailure(ErrorCode.USAGE, "data/a.jsonl: x; fix it")).exit()).isEqualTo(2);
        assertThat(failWith(EngineFailure.of(ErrorCode.LOCKED, "data/a.jsonl: x; fix it")).exit()).isEqualTo(3);
        assertThat(failWith(EngineFailure.of(ErrorCode.RECOVERY_NEEDED, "data/a.jsonl: x; fix it")).exit()).isEqualTo(4);
        assertThat(failWith(EngineFailure.of(ErrorCode.BACKUP_CORRUPT, "data/a.jsonl: x; fix it")).exit()).isEqualTo(5);
    }

    @Test
    void anEngineFailureWrappedInAnotherExceptionKeepsItsCode() {
        MigrationException locked = EngineFailure.of(ErrorCode.LOCKED, "/srv/a/.migrate/lock: locked by pid 42; wait for it");
        CommandRun run = failWith(new IllegalStateException("wrapper", locked));

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("migrate: /srv/a/.migrate/lock: locked by pid 42; wait for it\n");
    }

    @Test
    void anUnexpectedFailureExitsOneWithOneLine() {
        CommandRun run = failWith(new IllegalStateException("boom\nsecond line"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                "migrate: unexpected failure: boom second line (a bug in migrate: run again with --verbose for the stack trace,"
                        + " and report it with that trace)");
    }

    @Test
    void verbosePrintsTheStackTrace() {
        CommandRun run = failWith(new UncheckedIOException(new IOException("disk gone")), "--verbose");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines().get(0)).startsWith("migrate: unexpected failure: disk gone (a bug in migrate");
        assertThat(run.err()).contains("\tat dev.verpath.cli.FailureHandlingTest.verbosePrintsTheStackTrace");
    }

    @Test
    void jsonPutsTheErrorOnStdoutAsOneDocument() {
        CommandRun run = failWith(EngineFailure.of(ErrorCode.RECOVERY_NEEDED, "/srv/a/.migrate/journal.json: recover first"), "--json");

        JsonNode error = run.json().get("error");
        assertThat(run.exit()).isEqualTo(4);
        assertThat(error.get("code").asText()).isEqualTo("RECOVERY_NEEDED");
        assertThat(error.get("exitCode").asInt()).isEqualTo(4);
        assertThat(error.get("message").asText()).isEqualTo("/srv/a/.migrate/journal.json: recover first");
        assertThat(run.errLines()).containsExactly("migrate: /srv/a/.migrate/journal.json: recover first");
    }

    @Test
    void aBrokenMigrationConfigIsAUsageErrorNamingTheFileAndLine(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("migration_config.toml");
        Files.writeString(config, "[global]\nbackup_before_migration = true\ntimeout_seconds = = 3\n");

        CommandRun run = CommandRun.of("--migration-config", config.toString(), "plugins", "list");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("migrate: " + config + ":3: not valid TOML");
    }

    @Test
    void anUnknownKeyInTheMigrationConfigIsNamed(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("migration_config.toml");
        Files.writeString(config, "[global]\nbackup_before_migraton = true\n");

        CommandRun run = CommandRun.of("plugins", "list", "--migration-config", config.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("unknown key global.backup_before_migraton");
    }
}
