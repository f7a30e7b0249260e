package dev.verpath.plugins.wan;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The validation rules of wan 2.0.0 on a migrated installation: clean as migrated, and each damage to the
 * manifest or the model folders found by the rule that looks for it.
 */
class WanValidationTest {

    private static final String MANIFEST = "config/models.toml";
    private static final String T2V = "models/wan22/t2v-A14B@2.2.0/";

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

    private void editManifest(String from, String to) throws IOException {
        String text = Files.readString(root.resolve(MANIFEST));
        assertThat(text).contains(from);
        Files.writeString(root.resolve(MANIFEST), text.replace(from, to));
    }

    @Test
    void findsNothingOnTheMigratedInstallation() {
        assertThat(findings()).isEmpty();
        assertThat(engine.validate(root, Optional.empty()).version()).isEqualTo("2.0.0");
    }

    @Test
    void findsAWeightFileWhoseBytesChangedAtTheSameSize() throws IOException {
        Path weight = root.resolve(T2V + "vae/diffusion_pytorch_model.safetensors");
        byte[] bytes = Files.readAllBytes(weight);
        bytes[0] ^= 1;
        Files.write(weight, bytes);

        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(FileIntegrityValidation.ID);
            assertThat(f.path()).isEqualTo(T2V + "vae/diffusion_pytorch_model.safetensors");
            assertThat(f.message()).contains("SHA-256");
        });
    }

    @Test
    void findsAFileOfAnotherSizeAndAMissingFile() throws IOException {
        Files.writeString(root.resolve(T2V + "README.md"), "# shorter\n");
        Files.delete(root.resolve(T2V + "text_encoder/model.safetensors"));

        assertThat(findings()).extracting(Finding::ruleId, Finding::path)
                .containsExactlyInAnyOrder(
                        tuple(FileIntegrityValidation.ID, T2V + "README.md"),
                        tuple(FileIntegrityValidation.ID, T2V + "text_encoder/model.safetensors"));
        assertThat(findings()).extracting(Finding::message).anyMatch(m -> m.contains("has size 10 but"))
                .anyMatch(m -> m.contains("but missing"));
    }

    @Test
    void warnsAboutAFileTheManifestDoesNotList() throws IOException {
        Files.writeString(root.resolve(T2V + "notes.txt"), "not part of the model\n");

        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.path()).isEqualTo(T2V + "notes.txt");
        });
    }

    @Test
    void findsAModelIdThatIsNotNameAtSemver() throws IOException {
        editManifest("models.\"ti2v-5b@2.2.0\"", "models.\"ti2v-5b@2.2\"");

        assertThat(findings()).filteredOn(f -> f.ruleId().equals(ModelIdValidation.ID)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'ti2v-5b@2.2' is not of the form name@semver"));
    }

    @Test
    void findsAFilePathThatLeavesTheModelFolder() throws IOException {
        editManifest("path = \"README.md\"", "path = \"../../../config.json\"");

        assertThat(findings()).filteredOn(f -> f.ruleId().equals(PathSafetyValidation.ID)).singleElement()
                .satisfies(f -> {
                    assertThat(f.path()).isEqualTo(MANIFEST);
                    assertThat(f.location()).contains("key models.\"t2v-A14B@2.2.0\".files[0]");
                    assertThat(f.message()).contains("leaves the model folder");
                });
    }

    @Test
    void findsALinkInAModelFolderThatPointsOutsideIt() throws IOException {
        Files.createSymbolicLink(root.resolve(T2V + "unet/escape"), Path.of("../../ti2v-5b@2.2.0"));
        Files.createSymbolicLink(root.resolve(T2V + "unet/inside"), Path.of("../vae/diffusion_pytorch_model.safetensors"));

        assertThat(findings()).filteredOn(f -> f.ruleId().equals(PathSafetyValidation.ID)).singleElement()
                .satisfies(f -> assertThat(f.path()).isEqualTo(T2V + "unet/escape"));
    }

    @Test
    void findsAManifestThatIsNotToml() throws IOException {
        editManifest("schema_version = 1\n", "schema_version = 1\n[models\n");

        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(ManifestSchemaValidation.ID);
            assertThat(f.location()).contains("line 2");
            assertThat(f.message()).contains("not valid TOML");
        });
    }

    @Test
    void findsAWrongSchemaVersionADefaultVariantOutsideTheVariantsAndAMissingSha256() throws IOException {
        editManifest("schema_version = 1\n", "schema_version = 2\n");
        editManifest("default_variant = \"bf16\"\nresolution_caps = [\"720p24\", \"1080p24\"]\n"
                + "required_components = [\"image_encoder\"", "default_variant = \"int8\"\nresolution_caps = "
                + "[\"720p24\", \"1080p24\"]\nrequired_components = [\"image_encoder\"");
        editManifest("sha256 = \"5fdde5f592800d6084963b59d5ffb0c27f5e3aba1ff8de1f0ab5dd479989c51c\"\n", "");

        assertThat(findings()).filteredOn(f -> f.ruleId().equals(ManifestSchemaValidation.ID))
                .extracting(Finding::message)
                .containsExactlyInAnyOrder("schema_version is 2 (expected 1)",
                        "default_variant 'int8' is not one of the variants [fp16, bf16]",
                        "sha256 is missing or not 64 lower-case hex digits");
    }

    @Test
    void readsAModelWhoseIdNeedsEscapingInADottedKey() throws IOException {
        editManifest("models.\"ti2v-5b@2.2.0\"", "models.\"ti2v \\\"5b\\\".x@2.2.0\"");

        assertThat(findings()).filteredOn(f -> f.ruleId().equals(ModelIdValidation.ID)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'ti2v \"5b\".x@2.2.0' is not of the form"));
        assertThat(findings()).filteredOn(f -> f.ruleId().equals(ManifestSchemaValidation.ID))
                .as("its keys are read through the quoted id").isEmpty();
    }

    @Test
    void findsAModelThatIsNotATable() throws IOException {
        editManifest("schema_version = 1\n", "schema_version = 1\nmodels.extra = 3\n");

        assertThat(findings()).filteredOn(f -> f.ruleId().equals(ManifestSchemaValidation.ID)).singleElement()
                .satisfies(f -> {
                    assertThat(f.location()).contains("key models.\"extra\"");
                    assertThat(f.message()).isEqualTo("the model is not a table");
                });
    }

    @Test
    void warnsAboutAManifestWithoutModelsAndFindsOneWithoutAModelsTable() throws IOException {
        Files.writeString(root.resolve(MANIFEST), "schema_version = 1\n\n[models]\n");
        assertThat(findings()).filteredOn(f -> f.ruleId().equals(ManifestSchemaValidation.ID)).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).isEqualTo("the manifest lists no model");
                });

        Files.writeString(root.resolve(MANIFEST), "schema_version = \"1\"\nmodels = []\n");
        assertThat(findings()).filteredOn(f -> f.ruleId().equals(ManifestSchemaValidation.ID))
                .extracting(Finding::message)
                .containsExactlyInAnyOrder("schema_version is \"1\" (expected 1)", "there is no models table");
    }

    @Test
    void findsAModelWhoseFolderIsGone() throws IOException {
        Files.delete(root.resolve("models/ti2v-5B"));
        try (Stream<Path> walk = Files.walk(root.resolve("models/wan22/ti2v-5b@2.2.0"))) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(FileIntegrityValidation.ID);
            assertThat(f.message()).isEqualTo("the model folder of ti2v-5b@2.2.0 is missing");
        });
    }
}
