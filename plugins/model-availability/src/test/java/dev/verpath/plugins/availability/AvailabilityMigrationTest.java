package dev.verpath.plugins.availability;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.model.FileChange;
import dev.verpath.engine.model.RunResult;
import dev.verpath.rules.MigrationException;
import dev.verpath.testkit.InstallationTrees;
import dev.verpath.testkit.MigrationOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The model-availability 1.0.0 -> 2.0.0 edge through the real engine: the test kit turns the basic-system
 * fixture's before folder into its after folder byte for byte, requires that a second run changes nothing
 * and that rollback restores the basic system; model files are only read, and a legacy value of the wrong
 * type fails the step.
 */
class AvailabilityMigrationTest {

    @TempDir
    Path temp;

    private Path install() {
        return Installations.install(temp.resolve("installation"));
    }

    private static Object inode(Path file) throws IOException {
        return Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void turnsTheBasicSystemIntoTheAfterFixtureByteForByte() {
        MigrationOutcome result = Installations.check().check(Installations.BASIC_SYSTEM, temp.resolve("work")).orElseThrow();

        assertThat(result.warnings()).hasSize(1);
    }

    @Test
    void onlyReadsModelFiles() throws IOException {
        Path root = install();
        Path weights = root.resolve("models/t2v-A14B/pytorch_model.bin");
        Object inode = inode(weights);
        String sha256 = InstallationTrees.sha256(weights);

        RunResult result = Installations.migrate(Installations.engine(), root, false);

        assertThat(inode(weights)).isEqualTo(inode);
        assertThat(InstallationTrees.sha256(weights)).isEqualTo(sha256);
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
                + "  \"sha256\": \"" + InstallationTrees.sha256(big) + "\",\n"
                + "  \"format\": \"safetensors\"\n"
                + "}\n");
    }

    @Test
    void aDryRunListsTheChangesAndWritesNothing() {
        Path root = install();
        Map<String, String> before = InstallationTrees.listing(root);

        RunResult result = Installations.migrate(Installations.engine(), root, true);

        assertThat(InstallationTrees.listing(root)).isEqualTo(before);
        assertThat(result.changes()).extracting(FileChange::path)
                .contains("config/enhanced_model_config.json", "models/LICENSE.metadata.json");
    }

    @Test
    void givesAnEmptyLegacyConfigurationTheGuidesExampleWithoutALegacySection() throws IOException {
        Path root = install();
        Files.writeString(root.resolve("config.json"), "{}\n");

        Installations.migrate(Installations.engine(), root, false);

        assertThat(Files.readString(root.resolve("config/enhanced_model_config.json")))
                .isEqualTo(dev.verpath.engine.edit.EditedJson.written(EnhancedConfig.DEFAULTS))
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
                Installations.BASIC_SYSTEM.after().resolve("models/flux/flux1-dev.safetensors.metadata.json"));
    }

    @Test
    void failsOnAMappedValueOfTheWrongTypeAndChangesNothing() throws IOException {
        Path root = install();
        Path config = root.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"download_retries\": 5", "\"download_retries\": \"five\""));
        Map<String, String> before = InstallationTrees.listing(root);

        assertThatThrownBy(() -> Installations.migrate(Installations.engine(), root, false))
                .isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.RULE_FAILED))
                .hasMessageContainingAll("config.json", "download_retries", "downloads.max_retries takes a number",
                        EnhancedConfigRule.ID);
        assertThat(InstallationTrees.listing(root)).isEqualTo(before);
    }

    @Test
    void failsWithoutConfigJsonAndChangesNothing() throws IOException {
        Path root = install();
        Files.delete(root.resolve("config.json"));
        Map<String, String> before = InstallationTrees.listing(root);

        assertThatThrownBy(() -> Installations.migrate(Installations.engine(), root, false))
                .isInstanceOf(MigrationException.class)
                .hasMessageContainingAll("config.json", "missing");
        assertThat(InstallationTrees.listing(root)).isEqualTo(before);
    }
}
