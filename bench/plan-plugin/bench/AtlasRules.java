package bench;

import dev.verpath.rules.FileRule;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * The rule set of the plugin bench/plan.sh builds for planning at scale: product {@code atlas}, 10,000 versions
 * ({@code M.m.0} for M and m in 0..99) and 105,546 edges, every rule a no-op. The same shape as the engine's
 * LargeGraphPlanTest.
 */
@Extension
public final class AtlasRules implements RuleSet {

    /** Versions of atlas. */
    static final int VERSIONS = 10_000;
    /** The concrete edges leaving each version of atlas: to the version this many places later. */
    static final int[] JUMPS = {1, 2, 3, 7, 10, 30, 100, 300, 1000, 3000};

    private final List<MigrationRule> rules = new ArrayList<>();

    public AtlasRules() {
        for (int i = 0; i < VERSIONS; i++) {
            for (int jump : JUMPS) {
                if (i + jump < VERSIONS) {
                    add("atlas", atlas(i), atlas(i + jump), false);
                }
            }
        }
        // one range edge a major: every version of major M leads to (M+1).50.0
        for (int major = 0; major < 99; major++) {
            add("atlas", ">=" + major + ".0.0 <" + (major + 1) + ".0.0", (major + 1) + ".50.0", false);
        }
        // a lossy way down from each major's first version
        for (int major = 1; major < 100; major++) {
            add("atlas", major + ".0.0", (major - 1) + ".0.0", true);
        }
    }

    static String atlas(int index) {
        return (index / 100) + "." + (index % 100) + ".0";
    }

    private void add(String product, String from, String to, boolean lossy) {
        RuleDescriptor.Builder d = RuleDescriptor.of(product + "-" + rules.size(), RuleKind.CONFIG)
                .named("No-op step", "Changes nothing.").edge(product, from, to).paths("config.toml");
        rules.add(new NoOp((lossy ? d.lossy() : d).build()));
    }

    @Override
    public String id() {
        return "plan-atlas";
    }

    @Override
    public List<Product> products() {
        return List.of(Product.of("atlas", "A product with a long version history.").config("config.toml").build());
    }

    @Override
    public List<MigrationRule> rules() {
        return rules;
    }

    /** A rule that changes nothing. */
    record NoOp(RuleDescriptor descriptor) implements FileRule {
        @Override
        public void apply(RuleContext context) {
            // nothing: the step's cost is the engine's own
        }
    }
}
