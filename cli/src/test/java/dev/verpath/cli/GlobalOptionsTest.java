package dev.verpath.cli;

import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class GlobalOptionsTest {

    @Test
    void jsonIsAcceptedBeforeBetweenAndAfterTheCommandNames() {
        CommandRun before = CommandRun.of("--json", "plugins", "list");
        CommandRun between = CommandRun.of("plugins", "--json", "list");
        CommandRun after = CommandRun.of("plugins", "list", "--json");

        assertThat(before.exit()).isZero();
        assertThat(before.json().get("command").asText()).isEqualTo("plugins list");
        assertThat(before.json().get("plugins").isArray()).isTrue();
        assertThat(between).isEqualTo(before);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void everySettingOptionReachesTheSettingsFromEitherSide() {
        MigrateCommand command = new MigrateCommand(Map.of());
        MigrateCommand.commandLine(command).parseArgs("--backup-dir", "b", "--no-plugins", "status", "--path", "x",
                "--plugins-dir", "p", "--allow-network-fs");

        assertThat(command.options().settings()).containsExactly(
                Map.entry("backup.dir", "b"),
                Map.entry("plugins.dir", "p"),
                Map.entry("plugins.enabled", "false"),
                Map.entry("global.allow_network_fs", "true"));
    }

    @Test
    void flagsGivenAfterTheCommandNameLandInTheGlobalOptions() {
        MigrateCommand command = new MigrateCommand(Map.of());
        MigrateCommand.commandLine(command).parseArgs("backups", "list", "--path", "x", "--quiet", "--verbose",
                "--yes", "--no-color", "--json", "--migration-config", "m.toml");

        GlobalOptions options = command.options();
        assertThat(options.quiet()).isTrue();
        assertThat(options.verbose()).isTrue();
        assertThat(options.yes()).isTrue();
        assertThat(options.noColor()).isTrue();
        assertThat(options.json()).isTrue();
        assertThat(options.migrationConfig()).hasValueSatisfying(p -> assertThat(p).hasToString("m.toml"));
        assertThat(options.settings()).isEmpty();
    }

    @Test
    void noPluginsIsHonouredAfterTheCommandName() {
        CommandRun run = CommandRun.of("plugins", "list", "--no-plugins");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("plugins: none loaded (--no-plugins)\n");
    }

    @Test
    void aMissingPluginFolderIsAUsageError() {
        CommandRun run = CommandRun.of("--plugins-dir", "no-such-folder", "plugins", "list");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("migrate: " + java.nio.file.Path.of("no-such-folder").toAbsolutePath()
                + ": no such folder (the plugins folder given by --plugins-dir); give the folder that holds the plugin"
                + " archives, or pass --no-plugins");
    }

    @Test
    void aPluginFolderNamedLikeACommandIsTheOptionsValue(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path plugins = java.nio.file.Files.createDirectory(dir.resolve("plugins"));

        CommandRun run = CommandRun.of("--plugins-dir", plugins.toString(), "plugins", "list");
        CommandRun after = CommandRun.of("plugins", "list", "--plugins-dir", plugins.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("plugins: none loaded\n");
        assertThat(after.exit()).as(after.err()).isZero();
    }

    @Test
    void theMigrationConfigComesFromTheEnvironmentWhenNoOptionNamesIt() {
        CommandRun run = CommandRun.of(Map.of("MIGRATE_CONFIG", "from-env.toml"), "plugins", "list");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "migrate: from-env.toml: migration config not found; create it or drop --migration-config");
    }

    @Test
    void theOptionWinsOverTheEnvironment() {
        CommandRun run = CommandRun.of(Map.of("MIGRATE_CONFIG", "from-env.toml"),
                "plugins", "list", "--migration-config", "from-option.toml");

        assertThat(run.errLines()).singleElement().asString().contains("from-option.toml");
    }
}
