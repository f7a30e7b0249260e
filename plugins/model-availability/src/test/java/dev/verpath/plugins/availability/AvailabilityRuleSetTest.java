package dev.verpath.plugins.availability;

import dev.verpath.rules.RuleKind;
import dev.verpath.testkit.RuleMetadata;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AvailabilityRuleSetTest {

    private final AvailabilityRuleSet set = new AvailabilityRuleSet();

    @Test
    void declaresTheModelAvailabilityProduct() {
        assertThat(set.id()).isEqualTo("model-availability");
        assertThat(set.products()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("model-availability");
            assertThat(p.configFile()).contains("config.json");
            assertThat(p.modelsFolder()).contains("models");
        });
        assertThat(set.flags()).isEmpty();
    }

    @Test
    void hasAConfigAndAModelRuleOnTheEdgeFrom100To200() {
        assertThat(set.rules()).extracting(r -> r.descriptor().id(), r -> r.descriptor().kind(),
                r -> r.descriptor().from(), r -> r.descriptor().to())
                .containsExactly(tuple("model-availability.2.0.0.config", RuleKind.CONFIG, "1.0.0", "2.0.0"),
                        tuple("model-availability.2.0.0.model", RuleKind.MODEL, "1.0.0", "2.0.0"));
    }

    @Test
    void describesEveryRuleAndValidationTheWayTheTestKitExpects() {
        RuleMetadata.assertWellDescribed(set);
        assertThat(set.rules()).allSatisfy(r -> assertThat(r.descriptor().lossy()).as(r.descriptor().id()).isFalse());
        assertThat(set.validations()).extracting(v -> v.descriptor().id()).containsExactly(
                "model-availability.2.0.0.config-sections", "model-availability.2.0.0.model-metadata");
    }

    @Test
    void mapsTheFiveLegacySettingsOfTheGuidesTable() {
        assertThat(EnhancedConfig.MAPPINGS).extracting(m -> m.legacyKey(), m -> m.section() + "." + m.key())
                .containsExactly(tuple("models_directory", "storage.models_directory"),
                        tuple("download_retries", "downloads.max_retries"),
                        tuple("max_concurrent_downloads", "downloads.max_concurrent_downloads"),
                        tuple("health_check_enabled", "health_monitoring.enabled"),
                        tuple("fallback_to_mock", "fallback.mock_fallback_enabled"));
    }

    @Test
    void namesFormatsByExtension() {
        assertThat(ModelMetadata.formatOf("models/a/model.safetensors")).isEqualTo("safetensors");
        assertThat(ModelMetadata.formatOf("models/a/pytorch_model.BIN")).isEqualTo("pytorch");
        assertThat(ModelMetadata.formatOf("models/a/llama.Q4_K_M.gguf")).isEqualTo("gguf");
        assertThat(ModelMetadata.formatOf("models/a/model.xyz")).isEqualTo("xyz");
        assertThat(ModelMetadata.formatOf("models/a/LICENSE")).isEqualTo("unknown");
        assertThat(ModelMetadata.formatOf("models/a/.hidden")).isEqualTo("unknown");
    }
}
