package dev.verpath.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

class CommandLineUsageTest {

    @Test
    void helpListsEveryExitCode() {
        CommandRun run = CommandRun.of("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Exit codes:");
        for (ExitStatus status : ExitStatus.values()) {
            assertThat(run.out()).containsPattern("(?m)^  " + status.code() + " +" + java.util.regex.Pattern.quote(status.meaning().substring(0, Math.min(20, status.meaning().length()))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"version", "config", "data", "models", "info", "validate", "rollback", "status",
        "backups", "plugins", "graph", "demo", "completion"})
    void everyCommandHasHelpWithExitCodesAndTheGlobalOptions(String command) {
        CommandRun run = CommandRun.of(command, "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: migrate " + command)
                .contains("Exit codes:", "  4   an interrupted migration", "--json", "--migration-config", "--yes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "status --version", "backups list --version", "demo -V", "validate -V"})
    void everyCommandPrintsTheVersion(String args) {
        CommandRun run = CommandRun.of(args.split(" "));

        assertThat(run.exit()).isZero();
        assertThat(run.out()).matches("migrate \\S+ \\(rules API \\d+\\.\\d+\\.\\d+\\)\\R");
    }

    @Test
    void validateTakesAVersionToCheckAgainst() {
        CommandRun run = CommandRun.of("validate", "--version", "2.0.0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("migrate: Missing required option: '--path=DIR'; try 'migrate validate --help'\n");
    }

    @Test
    void unknownOptionPrintsTheUsageAndExitsTwo() {
        CommandRun run = CommandRun.of("info", "--bogus");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("migrate: Unknown option: '--bogus'; try 'migrate info --help'\n");
    }

    @Test
    void unknownCommandExitsTwo() {
        CommandRun run = CommandRun.of("upgrade");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("migrate: unknown command 'upgrade'").endsWith("; try 'migrate --help'\n");
    }

    @Test
    void missingRequiredOptionExitsTwo() {
        CommandRun run = CommandRun.of("status");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("migrate: Missing required option: '--path=DIR'; try 'migrate status --help'\n");
    }

    @Test
    void configCommandNeedsBothVersions() {
        CommandRun run = CommandRun.of("config", "--config", "server.toml", "--to", "1.0.0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("migrate: Missing required option: '--from=V'; try 'migrate config --help'");
    }

    @Test
    void noCommandExitsTwo() {
        CommandRun run = CommandRun.of();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("migrate: Missing command after 'migrate': give one of version, config, data, models, info");
    }

    @Test
    void groupsWithoutTheirCommandExitTwo() {
        assertThat(CommandRun.of("backups").exit()).isEqualTo(2);
        assertThat(CommandRun.of("plugins").err()).startsWith("migrate: Missing command after 'migrate plugins': give list");
    }

    @Test
    void infoNeedsAnInstallationOrAVersion() {
        CommandRun run = CommandRun.of("info", "--to", "2.1.0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("migrate: Give --path DIR, or --from V (with --to V)");
    }

    @Test
    void rollbackTakesEitherABackupFolderOrAnId() {
        CommandRun run = CommandRun.of("rollback", "--path", "x", "--backup-id", "a", "--backup-path", "b");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void graphRefusesAnUnknownFormat() {
        CommandRun run = CommandRun.of("graph", "--format", "svg");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--format'");
    }

    @Test
    void optionValuesMayFollowAnEqualsSign() {
        CommandRun spaced = CommandRun.of("--migration-config", "absent.toml", "plugins", "list");
        CommandRun joined = CommandRun.of("--migration-config=absent.toml", "plugins", "list");

        assertThat(joined).isEqualTo(spaced);
        assertThat(joined.err()).contains("absent.toml");
    }
}
