package dev.verpath.cli;

import static dev.verpath.cli.JsonSchemas.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./migrate} in a subprocess prints documents that conform to the schemas the jar ships
 * (docs/json-output.md): a migration's result, and the error document of a refused one, with its exit code.
 */
class JsonContractIT {

    @Test
    void theLauncherPrintsAMigrationAndARefusalInTheirSchemas(@TempDir Path dir) {
        DemoInstallation.write(dir.resolve("inst"));

        CommandRun migrated = Launcher.run(dir, "version", "--path", "inst", "--to", "2.1.0", "--yes", "--json");
        CommandRun refused = Launcher.run(dir, "--json", "version", "--path", "inst", "--to", "9.9.9", "--yes");

        assertThat(migrated.exit()).as(migrated.err()).isZero();
        assertConforms(migrated, "version");
        assertThat(migrated.json().path("schemaVersion").asInt()).isEqualTo(Output.SCHEMA_VERSION);
        assertThat(refused.exit()).isEqualTo(2);
        assertConforms(refused, "error");
        assertThat(refused.json().at("/error/exitCode").asInt()).isEqualTo(2);
    }
}
