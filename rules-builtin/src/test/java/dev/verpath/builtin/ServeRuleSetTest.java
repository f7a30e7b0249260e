package dev.verpath.builtin;

import dev.verpath.engine.files.ProductFiles;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.rules.FileRole;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleKind;
import dev.verpath.testkit.RuleMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ServeRuleSetTest {

    private final ServeRuleSet set = new ServeRuleSet();

    @Test
    void declaresTheServeProductAndItsFolders() {
        assertThat(set.id()).isEqualTo("serve-builtin");
        assertThat(set.products()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("serve");
            assertThat(p.configFile()).contains("config/server.toml");
            assertThat(p.dataFolder()).contains("data");
            assertThat(p.modelsFolder()).contains("models");
        });
    }

    @Test
    void declaresTheWeightFormatsOfServeFormatsUnderModelsAsWeights() {
        ProductFiles files = ProductFiles.of(set.products().get(0));

        for (String weight : List.of("models/a/model.safetensors", "models/a/pytorch_model.bin", "models/a/m.pt",
                "models/a/m.onnx", "models/a/deep/m.gguf")) {
            assertThat(files.role(weight)).as(weight).isEqualTo(FileRole.WEIGHTS);
        }
        assertThat(files.role("models/a/config.json")).isEqualTo(FileRole.OTHER);
        assertThat(files.role("config/server.toml")).isEqualTo(FileRole.CONFIG);
        assertThat(files.role("data/2024/a.jsonl")).isEqualTo(FileRole.DATA);
        assertThat(files.role("extras/blob.bin")).isEqualTo(FileRole.OTHER);
    }

    @Test
    void hasAConfigDataAndModelRuleOnEveryEdge() {
        List<String> ids = set.rules().stream().map(r -> r.descriptor().id()).sorted().toList();
        List<String> expected = new ArrayList<>();
        for (String edge : List.of("1.0.0", "2.0.0", "2.1.0", "down.2.0.0", "down.1.0.0")) {
            for (String kind : List.of("config", "data", "model")) {
                expected.add("serve." + edge + "." + kind);
            }
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void describesEveryRuleTheWayTheTestKitExpects() {
        RuleMetadata.assertWellDescribed(set);
        for (MigrationRule rule : set.rules()) {
            RuleDescriptor d = rule.descriptor();
            assertThat(d.product()).isEqualTo("serve");
            assertThat(d.version()).isNotBlank();
            assertThat(d.paths()).as(d.id()).containsExactly(switch (d.kind()) {
                case CONFIG -> "config/server.toml";
                case DATA -> "data/**/*.jsonl";
                case MODEL -> "models/*/**";
            });
        }
    }

    @Test
    void marksOnlyTheStepFrom210To200Lossy() {
        for (MigrationRule rule : set.rules()) {
            RuleDescriptor d = rule.descriptor();
            assertThat(d.lossy()).as(d.id()).isEqualTo(d.from().equals("2.1.0") && d.to().equals("2.0.0"));
        }
    }

    @Test
    void listsTheBreakingChangesOf100To200FromTheMigrationGuide() {
        List<String> breaking = set.rules().stream()
                .filter(r -> r.descriptor().from().equals("1.0.0") && r.descriptor().to().equals("2.0.0"))
                .sorted((a, b) -> a.descriptor().kind().compareTo(b.descriptor().kind()))
                .flatMap(r -> r.descriptor().breakingChanges().stream())
                .toList();
        assertThat(breaking).containsExactly("API endpoints restructured", "Configuration format changed",
                "Database schema updated");
        assertThat(set.rules()).filteredOn(r -> !r.descriptor().to().equals("2.0.0") || r.descriptor().from().equals("2.1.0"))
                .allSatisfy(r -> assertThat(r.descriptor().breakingChanges()).isEmpty());
        assertThat(set.rules()).filteredOn(r -> r.descriptor().kind() == RuleKind.MODEL)
                .allSatisfy(r -> assertThat(r.descriptor().breakingChanges()).isEmpty());
    }

    @Test
    void loadsIntoTheRegistryWithUniqueIds() {
        RuleRegistry registry = RuleRegistry.ofBuiltIns(set);
        assertThat(registry.rules("serve")).hasSize(15);
        assertThat(registry.validations()).hasSize(4 + 4 + 3);
        assertThat(registry.recordChecks()).extracting(c -> c.descriptor().id())
                .containsExactly("serve.1.0.0.data-schema", "serve.2.0.0.data-schema", "serve.2.1.0.data-schema");
    }

    @Test
    void isListedInThePf4jExtensionIndex() throws IOException {
        StringBuilder all = new StringBuilder();
        for (java.net.URL url : java.util.Collections.list(ServeRuleSet.class.getClassLoader()
                .getResources("META-INF/extensions.idx"))) {
            try (InputStream in = url.openStream()) {
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(all.toString()).contains(ServeRuleSet.class.getName());
    }
}
