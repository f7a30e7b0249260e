package dev.verpath.plugins.wan;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.rules.MigrationException;
import dev.verpath.testkit.InstallationTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Steps of the wan edge that must fail: each names the file and the reason, and leaves the installation
 * exactly as it was.
 */
class WanFailureTest {

    private static final String SHARD_2 = "models/t2v-A14B/unet/diffusion_pytorch_model-00002-of-00002.safetensors";

    @TempDir
    Path temp;

    private Path install() {
        return Installations.install(temp.resolve("installation"));
    }

    private static void assertFailsUnchanged(MigrationEngine engine, Path root, ErrorCode code, String... message)
            throws IOException {
        Map<String, String> before = InstallationTrees.listing(root);
        assertThatThrownBy(() -> Installations.migrate(engine, root, false))
                .isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(code))
                .hasMessageContainingAll(message);
        assertThat(InstallationTrees.listing(root)).isEqualTo(before);
    }

    @Test
    void refusesToMoveAShardedModelWithAMissingShard() throws IOException {
        Path root = install();
        Files.delete(root.resolve(SHARD_2));

        assertFailsUnchanged(Installations.engine(), root, ErrorCode.RULE_FAILED,
                "models/t2v-A14B/unet/diffusion_pytorch_model.safetensors.index.json",
                "diffusion_pytorch_model-00002-of-00002.safetensors", "missing");
    }

    @Test
    void movesAnIncompleteShardedModelWhenIntegrityChecksAreOff() throws IOException {
        Path root = install();
        Files.delete(root.resolve(SHARD_2));

        Installations.migrate(Installations.engine(Map.of("WAN_ENABLE_INTEGRITY_CHECKS", "false")), root, false);

        assertThat(root.resolve("models/wan22/t2v-A14B@2.2.0/unet/diffusion_pytorch_model-00001-of-00002.safetensors"))
                .isRegularFile();
        assertThat(Files.readString(root.resolve("config/models.toml"))).doesNotContain("00002-of-00002");
    }

    @Test
    void failsOnAnUnknownModelKeyUnderStrictValidation() throws IOException {
        Path root = install();
        Path config = root.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"ti2v_model\"", "\"upscale_model\": \"upscaler\", \"ti2v_model\""));

        assertFailsUnchanged(Installations.engine(Map.of("WAN_STRICT_VALIDATION", "true")), root, ErrorCode.RULE_FAILED,
                "config.json", "upscale_model names no WAN2.2 model", "WAN_STRICT_VALIDATION");
    }

    @Test
    void refusesToMoveOntoAnExistingOrchestratorFolder() throws IOException {
        Path root = install();
        Files.createDirectories(root.resolve("models/wan22/i2v-A14B@2.2.0"));
        Files.writeString(root.resolve("models/wan22/i2v-A14B@2.2.0/partial.bin"), "left from an earlier copy\n");

        assertFailsUnchanged(Installations.engine(), root, ErrorCode.RULE_FAILED, "models/wan22/i2v-A14B@2.2.0",
                "already exists");
    }

    @Test
    void refusesADefaultQuantizationThatIsNoVariant() throws IOException {
        Path root = install();
        Path config = root.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"default_quantization\": \"bf16\",\n    \"enable_offload\"",
                "\"default_quantization\": \"int4\",\n    \"enable_offload\""));

        assertFailsUnchanged(Installations.engine(), root, ErrorCode.RULE_FAILED, "config.json",
                "optimization.default_quantization", "'int4' is not a variant");
    }

    @Test
    void refusesALegacyFolderNameThatLeavesTheModelsFolder() throws IOException {
        Path root = install();
        Path config = root.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"t2v-A14B\"", "\"../outputs\""));

        assertFailsUnchanged(Installations.engine(), root, ErrorCode.RULE_FAILED, "config.json", "models.t2v_model",
                "must name one folder");
    }

    @Test
    void refusesConfigJsonThatIsNotJson() throws IOException {
        Path root = install();
        Files.writeString(root.resolve("config.json"), "{\n  \"models\": {\n    \"t2v_model\": t2v\n  }\n}\n");

        assertFailsUnchanged(Installations.engine(), root, ErrorCode.RULE_FAILED, "config.json:3: not valid JSON");
    }

    @Test
    void refusesToRemoveConfigJsonWhenFoldersStayInPlace() throws IOException {
        Path root = install();

        assertFailsUnchanged(Installations.engine(Map.of("WAN_REMOVE_LEGACY_CONFIG", "true",
                "WAN_ENABLE_PATH_MIGRATION", "false", "WAN_ENABLE_LEGACY_FALLBACK", "false")), root, ErrorCode.RULE_FAILED, "WAN_REMOVE_LEGACY_CONFIG",
                "nothing that says where the models are");
    }

    @Test
    void refusesAFlagThatIsNotABoolean() throws IOException {
        Path root = install();

        assertFailsUnchanged(Installations.engine(Map.of("WAN_ENABLE_LEGACY_FALLBACK", "sometimes")), root,
                ErrorCode.USAGE, "WAN_ENABLE_LEGACY_FALLBACK is 'sometimes'");
    }

    @Test
    void rollsTheStepBackWhenAMovedLinkWouldPointOutsideItsModelFolder() throws IOException {
        Path root = install();
        Files.createSymbolicLink(root.resolve("models/t2v-A14B/shared.bin"), Path.of("../upscaler/model.bin"));

        assertFailsUnchanged(Installations.engine(), root, ErrorCode.VALIDATION_FAILED,
                "models/wan22/t2v-A14B@2.2.0/shared.bin", "points outside the model folder", PathSafetyValidation.ID);
    }
}
