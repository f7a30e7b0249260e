package dev.verpath.engine.plugin;

import dev.verpath.rules.FileRule;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.RuleSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleRegistryConflictTest {

    private record Rule(String id, String from, String to, RuleKind kind) implements FileRule {
        @Override
        public RuleDescriptor descriptor() {
            return new RuleDescriptor(id, "Rule " + id, "A rule.", "serve", from, to, kind, List.of(), false, "1", List.of("x"));
        }

        @Override
        public void apply(RuleContext context) {
            // changes nothing
        }
    }

    private record Set(String id, List<Product> products, List<MigrationRule> rules) implements RuleSet {
    }

    private static final LoadedRuleSet BUILT_IN = new LoadedRuleSet(new Set("serve-builtin",
            List.of(new Product("serve", "Serve.", "config/server.toml", "data", "models")),
            List.of(new Rule("serve.config", "2.0.0", "2.1.0", RuleKind.CONFIG), new Rule("serve.data", "2.0.0", "2.1.0", RuleKind.DATA))),
            LoadedRuleSet.BUILT_IN);

    private static LoadedRuleSet plugin(String id, MigrationRule... rules) {
        return LoadedRuleSet.ofPlugin(new Set(id + "-rules", List.of(), List.of(rules)), id, "1.0.0");
    }

    @Test
    void aPluginClaimingABuiltInEdgeAndKindIsRefusedNamingBoth() {
        LoadedRuleSet plugin = plugin("override", new Rule("override.config", "2.0.0", "2.1.0", RuleKind.CONFIG));

        assertThatThrownBy(() -> RuleRegistry.of(List.of(BUILT_IN, plugin)))
                .isInstanceOf(RuleConflictException.class)
                .hasMessageStartingWith("edge serve 2.0.0 -> 2.1.0 config is claimed by both built-in and plugin override@1.0.0;")
                .satisfies(e -> assertThat(((RuleConflictException) e).claimants()).containsExactly("built-in", "plugin override@1.0.0"));
    }

    @Test
    void aPluginMayAddAnotherKindToABuiltInEdge() {
        LoadedRuleSet plugin = plugin("models", new Rule("models.model", "2.0.0", "2.1.0", RuleKind.MODEL));

        assertThat(RuleRegistry.of(List.of(BUILT_IN, plugin)).rules()).hasSize(3);
    }

    @Test
    void aRangeOriginIsAnotherEdgeThanAVersion() {
        LoadedRuleSet plugin = plugin("shortcut", new Rule("shortcut.config", ">=1.0.0 <2.0.0", "2.1.0", RuleKind.CONFIG));

        assertThat(RuleRegistry.of(List.of(BUILT_IN, plugin)).rules()).hasSize(3);
    }

    @Test
    void theBuiltInsCanBePreferred() {
        LoadedRuleSet plugin = plugin("override", new Rule("override.config", "2.0.0", "2.1.0", RuleKind.CONFIG));

        RuleRegistry registry = RuleRegistry.of(List.of(BUILT_IN, plugin), Map.of("serve 2.0.0 -> 2.1.0 config", "built-in"));

        assertThat(registry.rules()).extracting(r -> r.descriptor().id()).containsExactly("serve.config", "serve.data");
        assertThat(registry.overridden()).containsExactly(Map.entry("override.config", "built-in"));
    }

    @Test
    void aPreferenceForAnOwnerThatDoesNotClaimTheEdgeIsRefused() {
        LoadedRuleSet plugin = plugin("override", new Rule("override.config", "2.0.0", "2.1.0", RuleKind.CONFIG));

        assertThatThrownBy(() -> RuleRegistry.of(List.of(BUILT_IN, plugin), Map.of("serve 2.0.0 -> 2.1.0 config", "typo")))
                .isInstanceOf(RuleConflictException.class)
                .hasMessageContaining("migration_config.toml prefers 'typo', which does not claim it");
    }

    @Test
    void threeClaimantsAreAllNamed() {
        LoadedRuleSet a = plugin("a", new Rule("a.config", "2.0.0", "2.1.0", RuleKind.CONFIG));
        LoadedRuleSet b = plugin("b", new Rule("b.config", "2.0.0", "2.1.0", RuleKind.CONFIG));

        assertThatThrownBy(() -> RuleRegistry.of(List.of(BUILT_IN, a, b)))
                .hasMessageStartingWith("edge serve 2.0.0 -> 2.1.0 config is claimed by built-in, plugin a@1.0.0 and plugin b@1.0.0;");
    }
}
