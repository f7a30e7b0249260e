package dev.verpath.plugins.availability;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.rules.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The validation rules of model-availability 2.0.0 on a migrated installation: clean as migrated, and each
 * damage to the enhanced configuration or the metadata found by the rule that looks for it.
 */
class AvailabilityValidationTest {

    private static final String CONFIG = "config/enhanced_model_config.json";

    @TempDir
    Path temp;

    private final MigrationEngine engine = Installations.engine();
    private Path root;

    @BeforeEach
    void migrate() {
        root = Installations.install(temp.resolve("installation"));
        Installations.migrate(engine, root, false);
    }

    private List<Finding> findings() {
        return engine.validate(root, Optional.empty()).findings();
    }

    private void edit(String file, String from, String to) throws IOException {
        String text = Files.readString(root.resolve(file));
        assertThat(text).contains(from);
        Files.writeString(root.resolve(file), text.replace(from, to));
    }

    @Test
    void findsNothingOnTheMigratedInstallation() {
        assertThat(findings()).isEmpty();
    }

    @Test
    void findsAMissingSectionAMissingKeyAndAValueOfTheWrongType() throws IOException {
        edit(CONFIG, "\"features\"", "\"feature_flags\"");
        edit(CONFIG, "    \"check_interval_hours\": 24,\n", "");
        edit(CONFIG, "\"resume_enabled\": true", "\"resume_enabled\": \"yes\"");

        assertThat(findings()).allSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo(ConfigSectionsValidation.ID);
            assertThat(f.path()).isEqualTo(CONFIG);
        }).extracting(Finding::message).containsExactlyInAnyOrder("section features is missing",
                "health_monitoring.check_interval_hours is missing",
                "downloads.resume_enabled is \"yes\", not a boolean");
    }

    @Test
    void findsAnEnhancedConfigurationThatIsNotJson() throws IOException {
        edit(CONFIG, "\"storage\": {", "\"storage\": {{");

        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(ConfigSectionsValidation.ID);
            assertThat(f.location()).contains("line 2");
        });
    }

    @Test
    void findsAModelFileThatNoLongerMatchesItsMetadata() throws IOException {
        Files.writeString(root.resolve("models/flux/flux1-dev.safetensors"), "flux weights, fine-tuned\n");

        assertThat(findings()).extracting(Finding::ruleId, Finding::location)
                .containsExactlyInAnyOrder(
                        tuple(ModelMetadataValidation.ID, Optional.of("key size")),
                        tuple(ModelMetadataValidation.ID, Optional.of("key sha256")));
    }

    @Test
    void findsAMissingMetadataFileAndOneLeftWithoutItsModelFile() throws IOException {
        Files.delete(root.resolve("models/LICENSE.metadata.json"));
        Files.delete(root.resolve("models/llama/llama-3-8b.Q4_K_M.gguf"));

        assertThat(findings()).extracting(Finding::path, Finding::message).containsExactlyInAnyOrder(
                tuple("models/LICENSE.metadata.json", "missing: models/LICENSE has no metadata"),
                tuple("models/llama/llama-3-8b.Q4_K_M.gguf.metadata.json",
                        "describes models/llama/llama-3-8b.Q4_K_M.gguf, which is missing"));
    }

    @Test
    void findsAMetadataFileWithTheWrongFormat() throws IOException {
        edit("models/t2v-A14B/pytorch_model.bin.metadata.json", "\"format\": \"pytorch\"", "\"format\": \"onnx\"");

        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.location()).contains("key format");
            assertThat(f.message()).isEqualTo("format is \"onnx\" but models/t2v-A14B/pytorch_model.bin has \"pytorch\"");
        });
    }
}
