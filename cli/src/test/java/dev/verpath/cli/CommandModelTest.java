package dev.verpath.cli;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import static org.assertj.core.api.Assertions.assertThat;

/** The command line builds the model of the one command a line names, and of every command otherwise. */
class CommandModelTest {

    private static final String[] ALL = {"version", "config", "data", "models", "info", "validate", "rollback", "status",
        "backups", "releases", "plugins", "graph", "demo", "completion"};

    @Test
    void eachSubcommandIsListedUnderTheNameItsAnnotationGivesIt() {
        MigrateCommand.SUBCOMMANDS.forEach((name, type) -> {
            CommandLine.Command annotation = type.getAnnotation(CommandLine.Command.class);
            assertThat(annotation.name()).as(type.getSimpleName()).isEqualTo(name);
            assertThat(annotation.aliases()).as(type.getSimpleName() + " aliases").isEmpty();
        });
        assertThat(MigrateCommand.commandLine(new MigrateCommand(Map.of())).getSubcommands().keySet())
                .containsExactlyElementsOf(MigrateCommand.SUBCOMMANDS.keySet());
    }

    @Test
    void aLineNamingOneCommandBuildsThatCommandAlone() {
        CommandLine line = MigrateCommand.commandLine(new MigrateCommand(Map.of()), "info", "--from", "0.1.0");

        assertThat(line.getSubcommands()).containsOnlyKeys("info");
    }

    @Test
    void aLineWithoutACommandOrWithTwoCommandNamesBuildsThemAll() {
        MigrateCommand command = new MigrateCommand(Map.of());

        assertThat(MigrateCommand.commandLine(command, "--help").getSubcommands().keySet()).containsExactly(ALL);
        assertThat(MigrateCommand.commandLine(command, "stauts").getSubcommands().keySet()).containsExactly(ALL);
        assertThat(MigrateCommand.commandLine(command, "completion", "bash").getSubcommands().keySet())
                .as("the completion script is made from every command").containsExactly(ALL);

        // 'status' is the backup folder's name here, 'info' the command
        CommandLine both = MigrateCommand.commandLine(command, "--backup-dir", "status", "info", "--from", "0.1.0");
        ParseResult parsed = both.parseArgs("--backup-dir", "status", "info", "--from", "0.1.0");
        assertThat(both.getSubcommands().keySet()).containsExactly(ALL);
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("info");
        assertThat(command.options().settings()).containsEntry("backup.dir", "status");
    }

    @Test
    void theTopLevelHelpListsEveryCommandAndOneCommandsHelpItsOwnOptions() {
        CommandRun top = CommandRun.of("--help");
        CommandRun info = CommandRun.of("info", "--help");
        CommandRun misspelt = CommandRun.of("stauts");

        assertThat(top.exit()).isZero();
        for (String name : ALL) {
            assertThat(top.out()).containsPattern("(?m)^\\s+" + name + "\\s");
        }
        assertThat(info.exit()).isZero();
        assertThat(info.out()).startsWith("Usage: migrate info").contains("--from").contains("Exit codes:");
        assertThat(misspelt.exit()).isEqualTo(2);
        assertThat(misspelt.err()).contains("status");
    }
}
