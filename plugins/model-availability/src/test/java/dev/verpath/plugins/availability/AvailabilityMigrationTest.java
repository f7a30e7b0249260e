package dev.verpath.plugins.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verpath.engine.FileChange;
import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.RunResult;
import dev.verpath.rules.ErrorCode;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model-availability 1.0.0 -> 2.0.0 edge through the real engine: the basic-system fixture's before
 * folder becomes its after folder byte for byte, model files are only read, a second run changes nothing,
 * rollback restores the basic system, and a legacy value of the wrong type fails the step.
 */
class AvailabilityMigrationTest {

    private static final String BEFORE = "/model-availability/basic-system/before";
    private static final String AFTER = "/model-availability/basic-system/after";

    @TempDir
    Path temp;

    private Path install() throws IOException {
        return InstallationTree.copy(BEFORE, temp.resolve("installation"));
    }

    @Test
    void turnsTheBasicSystemIntoTheAfterFixtureByteForByte() throws IOException {
        Path root = install();

        RunResult result = Installations.migrate(Installations.engine(), root, false);

        assertThat(InstallationTree.entries(root)).isEqualTo(InstallationTree.entries(InstallationTree.fixture(AFTER)));
        assertThat(result.warnings()).singleElement()
                .satisfies(w -> assertThat(w.toString()).contains("kept 2 key(s) the mapping does not know under legacy"));
        assertThat(result.counters()).containsEntry("metadata_files", 6L).containsEntry("settings_mapped", 5L);
    }

    @Test
    void onlyReadsModelFiles() throws IOException {
        Path root = install();
        Path weights = root.resolve("models/t2v-A14B/pytorch_model.bin");
        Object inode = InstallationTree.inode(weights);
        String sha256 = InstallationTree.sha256(weights);

        RunResult result = Installations.migrate(Installations.engine(), root, false);

        assertThat(InstallationTree.inode(weights)).isEqualTo(inode);
        assertThat(InstallationTree.sha256(weights)).isEqualTo(sha256);
        assertThat(result.changes()).extracting(FileChange::path).filteredOn(p -> p.startsWith("models/"))
                .allMatch(p -> p.endsWith(".metadata.json"));
    }

    @Test
    void recordsTheRealSizeAndSha256OfAGeneratedWeightFile() throws IOException {
        Path root = install();
        byte[] weights = new byte[2 * 1024 * 1024 + 5];
        new Random(7).nextBytes(weights);
        Path big = root.resolve("models/flux/ae.safetensors");
        Files.write(big, weights);

        Installations.migrate(Installations.engine(), root, false);

        assertThat(Files.readString(root.resolve("models/flux/ae.safetensors.metadata.json"))).isEqualTo("{\n"
                + "  \"path\": \"flux/ae.safetensors\",\n"
                + "  \"size\": " + weights.length + ",\n"
                + "  \"sha256\": \"" + InstallationTree.sha256(big) + "\",\n"
                + "  \"format\": \"safetensors\"\n"
                + "}\n");
    }

    @Test
    void changesNothingWhenRunAgainAtTheTarget() throws IOException {
        Path root = install();
        MigrationEngine engine = Installations.engine();
        Installations.migrate(engine, root, false);
        Map<String, String> migrated = InstallationTree.entries(root);

        RunResult again = Installations.migrate(engine, root, false);

        assertThat(again.changes()).isEmpty();
        assertThat(InstallationTree.entries(root)).isEqualTo(migrated);
    }

    @Test
    void rollbackRestoresTheBasicSystem() throws IOException {
        Path root = install();
        Map<String, String> before = InstallationTree.entries(root);
        MigrationEngine engine = Installations.engine();
        Installations.migrate(engine, root, false);

        engine.rollback(root, Optional.empty(), Optional.empty(), line -> { });

        assertThat(InstallationTree.entries(root)).isEqualTo(before);
    }

    @Test
    void aDryRunListsTheChangesAndWritesNothing() throws IOException {
        Path root = install();
        Map<String, String> before = InstallationTree.entries(root);

        RunResult result = Installations.migrate(Installations.engine(), root, true);

        assertThat(InstallationTree.entries(root)).isEqualTo(before);
        assertThat(result.changes()).extracting(FileChange::path)
                .contains("config/enhanced_model_config.json", "models/LICENSE.metadata.json");
    }

    @Test
    void givesAnEmptyLegacyConfigurationTheGuidesExampleWithoutALegacySection() throws IOException {
        Path root = install();
        Files.writeString(root.resolve("config.json"), "{}\n");

        Installations.migrate(Installations.engine(), root, false);

        assertThat(Files.readString(root.resolve("config/enhanced_model_config.json")))
                .isEqualTo(JsonText.write(EnhancedConfig.defaults()))
                .contains("\"models_directory\": \"/data/models\"", "\"suggestion_threshold\": 0.7")
                .doesNotContain("legacy");
    }

    @Test
    void writesAStaleMetadataFileAgainFromItsModelFile() throws IOException {
        Path root = install();
        Files.writeString(root.resolve("models/flux/flux1-dev.safetensors.metadata.json"),
                "{\"path\": \"flux/flux1-dev.safetensors\", \"size\": 1, \"sha256\": \"00\", \"format\": \"safetensors\"}\n");

        Installations.migrate(Installations.engine(), root, false);

        assertThat(root.resolve("models/flux/flux1-dev.safetensors.metadata.json")).hasSameBinaryContentAs(
                InstallationTree.fixture(AFTER).resolve("models/flux/flux1-dev.safetensors.metadata.json"));
    }

    @Test
    void failsOnAMappedValueOfTheWrongTypeAndChangesNothing() throws IOException {
        Path root = install();
        Path config = root.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"download_retries\": 5", "\"download_retries\": \"five\""));
        Map<String, String> before = InstallationTree.entries(root);

        assertThatThrownBy(() -> Installations.migrate(Installations.engine(), root, false))
                .isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(((MigrationException) e).code()).isEqualTo(ErrorCode.RULE_FAILED))
                .hasMessageContainingAll("config.json", "download_retries", "downloads.max_retries takes a number",
                        EnhancedConfigRule.ID);
        assertThat(InstallationTree.entries(root)).isEqualTo(before);
    }

    @Test
    void failsWithoutConfigJsonAndChangesNothing() throws IOException {
        Path root = install();
        Files.delete(root.resolve("config.json"));
        Map<String, String> before = InstallationTree.entries(root);

        assertThatThrownBy(() -> Installations.migrate(Installations.engine(), root, false))
                .isInstanceOf(MigrationException.class)
                .hasMessageContainingAll("config.json", "missing");
        assertThat(InstallationTree.entries(root)).isEqualTo(before);
    }
}
