package dev.verpath.builtin;

import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.testkit.Fixtures;
import dev.verpath.testkit.InstallationTrees;
import dev.verpath.testkit.MigrationCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class ServeValidationTest {

    @TempDir
    Path root;

    @BeforeEach
    void installVersion210() {
        InstallationTrees.copy(Fixtures.named(Fixtures.inTestResources(""), "path-0.1.0-to-2.1.0/spec-example").after(), root);
    }

    private List<Finding> validate(String version) {
        return MigrationCheck.ofBuiltIns(new ServeRuleSet()).validate(root, version);
    }

    private void write(String path, String text) throws IOException {
        Files.writeString(root.resolve(path), text, StandardCharsets.UTF_8);
    }

    @Test
    void findsNothingWrongWithAFreshlyMigratedInstallation() {
        assertThat(validate("2.1.0")).isEmpty();
    }

    @Test
    void reportsEveryRuleAgainstTheWrongVersion() {
        List<Finding> findings = validate("2.0.0");
        assertThat(findings).extracting(Finding::ruleId).contains("serve.2.0.0.version-file",
                "serve.2.0.0.data-schema", "serve.2.0.0.model-integrity");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.remedy()).matches("[A-Z].*\\.");
        });
    }

    @Test
    void namesAMissingConfigKeyAndABrokenConfigLine() throws IOException {
        String config = Files.readString(root.resolve("config/server.toml")).replace("burst = 50\n", "");
        write("config/server.toml", config);
        assertThat(validate("2.1.0")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("serve.2.1.0.config-schema");
            assertThat(f.category()).isEqualTo(ValidationCategory.SCHEMA);
            assertThat(f.location()).contains("key rate_limit.burst");
        });
        write("config/server.toml", "[server]\nhttp_port = \n");
        assertThat(validate("2.1.0")).singleElement().satisfies(f -> assertThat(f.location()).contains("line 2"));
    }

    @Test
    void namesRecordsThatAreNotObjectsOrHaveTheWrongSchema() throws IOException {
        write("data/requests.jsonl", "{\"id\":\"a\",\"schema_version\":3,\"metrics\":{\"tokens_per_second\":null}}\n\n"
                + "[1]\n{\"id\":\"b\",\"schema_version\":2}\n{\"id\":\"c\",\"schema_version\":3,\"metrics\":{\"tokens_per_second\":1},"
                + "\"api_key\":\"sk\"}\n");
        List<Finding> findings = validate("2.1.0");
        assertThat(findings).extracting(f -> f.path() + " " + f.location().orElse("") + " " + f.message()).containsExactly(
                "data/requests.jsonl line 3 not a JSON object: found an array",
                "data/requests.jsonl line 4 field schema_version is 2 (expected 3)",
                "data/requests.jsonl line 5 field api_key must have become api_key_fingerprint");
    }

    @Test
    void checksModelFilesAgainstTheirMetadata() throws IOException {
        write("models/llama-7b/model.safetensors", "llama weights v2\n");
        write("models/llama-7b/extra.bin", "x");
        Files.delete(root.resolve("models/llama-7b/config.json"));
        List<Finding> findings = validate("2.1.0");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("serve.2.1.0.model-integrity");
            assertThat(f.category()).isEqualTo(ValidationCategory.INTEGRITY);
        });
        assertThat(findings).extracting(Finding::message).containsExactlyInAnyOrder(
                "extra.bin is present but not listed",
                "model.safetensors does not match its listed SHA-256",
                "config.json is listed but missing");
        Files.delete(root.resolve("models/llama-7b/metadata.json"));
        assertThat(validate("2.1.0")).extracting(Finding::message).containsExactly("metadata.json is missing");
    }

    @Test
    void acceptsAVersionFileThatNamesTheProduct() throws IOException {
        write("VERSION", "serve 2.1.0\n");
        assertThat(validate("2.1.0")).isEmpty();
        write("VERSION", "2.0.0\n");
        assertThat(validate("2.1.0")).extracting(Finding::message).containsExactly("VERSION names 2.0.0, not 2.1.0");
    }
}
