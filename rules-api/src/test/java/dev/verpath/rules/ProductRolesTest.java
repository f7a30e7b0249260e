package dev.verpath.rules;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductRolesTest {

    @Test
    void theBuilderKeepsTheRolesInTheOrderTheyWereDeclared() {
        Product product = Product.of("painter", "An image generator.")
                .other("models/**/tokenizer.bin")
                .weights("models/**/*.ckpt", "models/**/*.h5")
                .config("app.toml", "settings/*.yaml")
                .data("records/**/*.jsonl")
                .build();

        assertThat(product.roles().entries()).containsExactly(
                new FileRoles.Entry(FileRole.OTHER, "models/**/tokenizer.bin"),
                new FileRoles.Entry(FileRole.WEIGHTS, "models/**/*.ckpt"),
                new FileRoles.Entry(FileRole.WEIGHTS, "models/**/*.h5"),
                new FileRoles.Entry(FileRole.CONFIG, "app.toml"),
                new FileRoles.Entry(FileRole.CONFIG, "settings/*.yaml"),
                new FileRoles.Entry(FileRole.DATA, "records/**/*.jsonl"));
        assertThat(product.roles().globs(FileRole.CONFIG)).containsExactly("app.toml", "settings/*.yaml");
    }

    @Test
    void aProductNeedsNoConfigFileDataFolderOrModelsFolder() {
        Product product = Product.of("painter", "An image generator.").config("a.toml", "b.toml").build();

        assertThat(product.configFile()).isEmpty();
        assertThat(product.dataFolder()).isEmpty();
        assertThat(product.modelsFolder()).isEmpty();
        assertThat(product.inModelsFolder("models/x.ckpt")).isFalse();
    }

    @Test
    void theFoldersTheSubCommandsNeedAreOptionalParts() {
        Product product = Product.of("painter", "An image generator.").configFile("app.toml").dataFolder("records")
                .modelsFolder("checkpoints").build();

        assertThat(product.configFile()).contains("app.toml");
        assertThat(product.dataFolder()).contains("records");
        assertThat(product.modelsFolder()).contains("checkpoints");
        assertThat(product.inModelsFolder("checkpoints/a/b.ckpt")).isTrue();
        assertThat(product.inModelsFolder("checkpoints2/b.ckpt")).isFalse();
        assertThat(product.inDataFolder("records")).isTrue();
    }

    @Test
    void thePreviewLayoutDeclaresWhatThePreviewEngineAssumed() {
        Product product = new Product("gateway", "The API gateway.", "config/gateway.toml", "data", "models");

        assertThat(product.roles().globs(FileRole.WEIGHTS)).containsExactly("**/*.safetensors", "**/*.bin", "**/*.pt",
                "**/*.onnx", "**/*.gguf");
        assertThat(product.roles().globs(FileRole.CONFIG)).containsExactly("config/gateway.toml", "config/**");
        assertThat(product.roles().globs(FileRole.DATA)).containsExactly("data/**");
        assertThat(product.configFile()).isEqualTo(Optional.of("config/gateway.toml"));
    }

    @Test
    void aGlobMustBeARelativePathPattern() {
        for (String bad : List.of("", "/etc/*", "../x/*.bin", "models//a", "models\\a.bin", "./a")) {
            assertThatThrownBy(() -> Product.of("p", "A product.").weights(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relative path pattern");
        }
    }

    @Test
    void aProductNeedsANameAndADescription() {
        assertThatThrownBy(() -> Product.of(" ", "A product.").build()).isInstanceOf(IllegalArgumentException.class);
    }
}
