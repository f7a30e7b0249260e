package dev.verpath.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WAN guide's flags through the real launcher, with the distribution's wan plugin: {@code WAN_DRY_RUN_MODE}
 * used to skip the folder moves but still commit {@code config/models.toml} and VERSION "wan 2.0.0" (exit 0, an
 * installation claiming a layout it did not have); a misspelled flag in {@code [flags]} used to be ignored.
 */
class WanFlagsIT {

    @TempDir
    Path work;

    private Path root;

    @BeforeEach
    void install() throws Exception {
        root = work.resolve("wan");
        Files.createDirectories(root);
        DemoPluginTour.write(root);
    }

    private void assertAWholeDryRun(CommandRun run, SortedMap<String, String> before) throws Exception {
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("WAN_DRY_RUN_MODE=true (").contains(") makes this a dry run, as --dry-run: nothing is written");
        assertThat(run.out()).contains("dry run: nothing was written").contains("config/models.toml");
        assertThat(TreeSignature.of(root)).isEqualTo(before);
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("wan 1.0.0\n");
        assertThat(root.resolve(".migrate")).doesNotExist();
    }

    @Test
    void theDryRunFlagInTheEnvironmentMakesTheWholeRunADryRun() throws Exception {
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun run = Launcher.run(work, Map.of("WAN_DRY_RUN_MODE", "true"), "version", "--path", root.toString(),
                "--to", "2.0.0");

        assertAWholeDryRun(run, before);
    }

    @Test
    void theDryRunFlagInTheMigrationConfigMakesTheWholeRunADryRun() throws Exception {
        Path config = Files.writeString(work.resolve("migration_config.toml"), "[flags]\nWAN_DRY_RUN_MODE = \"true\"\n");
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun run = Launcher.run(work, "--migration-config", config.toString(), "version", "--path", root.toString(),
                "--to", "2.0.0");

        assertAWholeDryRun(run, before);
        assertThat(run.err()).contains("WAN_DRY_RUN_MODE=true (" + config + ")");
    }

    @Test
    void aMisspelledFlagIsRefusedNamingTheNearestDeclaredFlag() throws Exception {
        Path config = Files.writeString(work.resolve("migration_config.toml"),
                "[flags]\nWAN_ENABLE_LEGACY_FALBACK = \"false\"\n");
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun run = Launcher.run(work, "--migration-config", config.toString(), "version", "--path", root.toString(),
                "--to", "2.0.0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).last().isEqualTo("migrate: " + config + ":2: unknown flag WAN_ENABLE_LEGACY_FALBACK; did"
                + " you mean WAN_ENABLE_LEGACY_FALLBACK? fix the name there ('migrate plugins list' shows the flags each"
                + " plugin declares)");
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }

    @Test
    void theGuidesLegacyFallbackWithPathMigrationOffIsRefusedNamingBothFlags() throws Exception {
        Path config = Files.writeString(work.resolve("migration_config.toml"),
                "[flags]\nWAN_ENABLE_LEGACY_FALLBACK = \"true\"\nWAN_ENABLE_PATH_MIGRATION = \"false\"\n");
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun run = Launcher.run(work, "--migration-config", config.toString(), "version", "--path", root.toString(),
                "--to", "2.0.0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).last().isEqualTo("migrate: WAN_ENABLE_LEGACY_FALLBACK=true (" + config + ":2) and"
                + " WAN_ENABLE_PATH_MIGRATION=false (" + config + ":3) cannot go together: the legacy fallback leaves"
                + " models/<legacy name> as a link to the moved folder, and with path migration off no folder is moved;"
                + " set WAN_ENABLE_LEGACY_FALLBACK=false to keep the legacy folders as they are, or turn path migration on");
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }

    @Test
    void aFlagOfTheWrongKindIsRefusedNamingWhereItWasSet() throws Exception {
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun run = Launcher.run(work, Map.of("WAN_STRICT_VALIDATION", "maybe"), "version", "--path", root.toString(),
                "--to", "2.0.0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines().get(run.errLines().size() - 1)).startsWith("migrate: $WAN_STRICT_VALIDATION: WAN_STRICT_VALIDATION is 'maybe',"
                + " which is not a boolean; set it to true or false (");
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }
}
