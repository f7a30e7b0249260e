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
 * The rule set of the plugin bench/plan.sh builds for many small steps: product {@code steps}, a chain
 * {@code 1.0.0 -> 1.0.1 -> ... -> 1.0.1000} of no-op config steps (the peer: as many trivial Flyway migrations).
 */
@Extension
public final class StepsRules implements RuleSet {

    /** Steps of the chain. */
    static final int STEPS = 1000;

    private final List<MigrationRule> rules = new ArrayList<>();

    public StepsRules() {
        for (int i = 0; i < STEPS; i++) {
            rules.add(new NoOp(RuleDescriptor.of("steps-" + i, RuleKind.CONFIG).named("No-op step", "Changes nothing.")
                    .edge("steps", "1.0." + i, "1.0." + (i + 1)).paths("config.toml").build()));
        }
    }

    @Override
    public String id() {
        return "plan-steps";
    }

    @Override
    public List<Product> products() {
        return List.of(Product.of("steps", "A product of many small steps.").config("config.toml").build());
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
