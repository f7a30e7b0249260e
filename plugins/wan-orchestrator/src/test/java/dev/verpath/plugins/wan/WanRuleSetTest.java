package dev.verpath.plugins.wan;

import dev.verpath.rules.FlagDescriptor;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleKind;
import dev.verpath.testkit.RuleMetadata;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class WanRuleSetTest {

    private final WanRuleSet set = new WanRuleSet();

    @Test
    void declaresTheWanProductWithItsLegacyConfigurationAndModelsFolder() {
        assertThat(set.id()).isEqualTo("wan-orchestrator");
        assertThat(set.products()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("wan");
            assertThat(p.configFile()).contains("config.json");
            assertThat(p.modelsFolder()).contains("models");
        });
    }

    @Test
    void itsVersionGraphHasNoStrandedVersionAndItsRiskIsOnItsEdge() {
        dev.verpath.testkit.VersionGraphCheck.assertNoErrors(set);
        assertThat(dev.verpath.testkit.VersionGraphCheck.findings(set)).isEmpty();
        assertThat(set.risks()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("wan-legacy-model-missing");
            assertThat(r.from() + " -> " + r.to()).isEqualTo("1.0.0 -> 2.0.0");
        });
    }

    @Test
    void hasAConfigAndAModelRuleOnTheEdgeFrom100To200() {
        assertThat(set.rules()).extracting(r -> r.descriptor().id(), r -> r.descriptor().kind(),
                r -> r.descriptor().from(), r -> r.descriptor().to(), r -> r.descriptor().lossy())
                .containsExactly(
                        tuple("wan.2.0.0.config", RuleKind.CONFIG, "1.0.0", "2.0.0", false),
                        tuple("wan.2.0.0.model", RuleKind.MODEL, "1.0.0", "2.0.0", false));
    }

    @Test
    void describesEveryRuleAndValidationTheWayTheTestKitExpects() {
        RuleMetadata.assertWellDescribed(set);
        for (MigrationRule rule : set.rules()) {
            RuleDescriptor d = rule.descriptor();
            assertThat(d.product()).isEqualTo("wan");
            assertThat(d.breakingChanges()).as(d.id()).isNotEmpty();
        }
        assertThat(set.validations()).extracting(v -> v.descriptor().id()).containsExactly("wan.2.0.0.manifest-schema",
                "wan.2.0.0.model-ids", "wan.2.0.0.file-integrity", "wan.2.0.0.path-safety");
        assertThat(set.validations()).allSatisfy(v -> assertThat(v.descriptor().versions()).isEqualTo("2.0.0"));
    }

    @Test
    void declaresTheGuidesMigrationFlagsWithDefaultsAndSentences() {
        assertThat(set.flags()).extracting(FlagDescriptor::name, FlagDescriptor::defaultValue).containsExactly(
                tuple("WAN_ENABLE_LEGACY_FALLBACK", "true"),
                tuple("WAN_ENABLE_PATH_MIGRATION", "true"),
                tuple("WAN_STRICT_VALIDATION", "false"),
                tuple("WAN_ENABLE_INTEGRITY_CHECKS", "true"),
                tuple("WAN_DRY_RUN_MODE", "false"),
                tuple("WAN_REMOVE_LEGACY_CONFIG", "false"));
    }

    @Test
    void acceptsOnlyNameAtSemverModelIds() {
        assertThat(ModelIdValidation.MODEL_ID.matcher("t2v-A14B@2.2.0").matches()).isTrue();
        assertThat(ModelIdValidation.MODEL_ID.matcher("ti2v-5b@2.2.0-rc.1+build.5").matches()).isTrue();
        assertThat(ModelIdValidation.MODEL_ID.matcher("t2v-A14B@2.2").matches()).isFalse();
        assertThat(ModelIdValidation.MODEL_ID.matcher("t2v-A14B").matches()).isFalse();
        assertThat(ModelIdValidation.MODEL_ID.matcher("../t2v@2.2.0").matches()).isFalse();
        assertThat(ModelIdValidation.MODEL_ID.matcher("t2v@02.2.0").matches()).isFalse();
    }

    @Test
    void namesComponentsByTheWordsOfThePath() {
        assertThat(ManifestFile.componentOf("vae/config.json")).contains("vae");
        assertThat(ManifestFile.componentOf("models_t5_umt5-xxl-enc-bf16.pth")).contains("text_encoder");
        assertThat(ManifestFile.componentOf("part5/weights.bin")).isEmpty();
        assertThat(ManifestFile.componentOf("image_encoder/model.safetensors")).contains("image_encoder");
        assertThat(ManifestFile.componentOf("diffusion_pytorch_model-00001-of-00003.safetensors")).contains("unet");
        assertThat(ManifestFile.componentOf("scheduler/scheduler_config.json")).contains("config");
        assertThat(ManifestFile.componentOf("README.md")).isEmpty();
    }

    @Test
    void usesNoJsonOrTomlLibraryOfItsOwn() throws Exception {
        Path classes = Path.of(WanRuleSet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> naming = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("com/fasterxml/")) {
                    naming.add(classes.relativize(file).toString());
                }
            }
        }
        assertThat(naming).as("classes that name a Jackson type").isEmpty();
    }
}
