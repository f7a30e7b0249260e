package dev.verpath.testkit;

import dev.verpath.rules.FileRule;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.RuleSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The graph lint as a plugin team runs it: a stranded version fails the build, naming it; a clean graph passes. */
class VersionGraphCheckTest {

    /** A rule set of the product {@code gw} with the given edges, each one config rule. */
    private record Edges(List<String[]> edges) implements RuleSet {
        @Override
        public String id() {
            return "gw-rules";
        }

        @Override
        public List<Product> products() {
            return List.of(Product.of("gw", "The gateway.").config("config/*.toml").build());
        }

        @Override
        public List<MigrationRule> rules() {
            return edges.stream().<MigrationRule>map(e -> new Rule(new RuleDescriptor("gw." + e[0] + "-" + e[1],
                    "Rule", "Migrates.", "gw", e[0], e[1], RuleKind.CONFIG, List.of(), false, "1",
                    List.of("config/gw.toml")))).toList();
        }
    }

    private record Rule(RuleDescriptor descriptor) implements FileRule {
        @Override
        public void apply(RuleContext context) {
            // describes an edge only
        }
    }

    @Test
    void aCleanGraphPasses() {
        Edges clean = new Edges(List.of(new String[] {"1.0.0", "2.0.0"}, new String[] {"2.0.0", "3.0.0"}));

        VersionGraphCheck.assertNoErrors(clean);
        assertThat(VersionGraphCheck.findings(clean)).isEmpty();
    }

    @Test
    void aStrandedVersionFailsNamingIt() {
        Edges stranded = new Edges(List.of(new String[] {"1.0.0", "3.0.0"}, new String[] {"1.5.0", "2.0.0"}));

        assertThatThrownBy(() -> VersionGraphCheck.assertNoErrors(stranded)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("error stranded: gw: 3.0.0, the latest version, cannot be reached from 1.5.0, 2.0.0");
    }
}
