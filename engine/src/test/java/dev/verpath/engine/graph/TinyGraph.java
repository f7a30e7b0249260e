package dev.verpath.engine.graph;

import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.rules.FileRule;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny named version graph for tests: one rule set declaring the products and holding the rules
 * added, each a file rule that does nothing.
 */
public final class TinyGraph {

    /** A rule that only describes itself. */
    public record DescribedRule(RuleDescriptor descriptor) implements FileRule {
        @Override
        public void apply(RuleContext context) {
            // describes an edge only
        }
    }

    /** A rule set of fixed products and rules. */
    public record FixedRuleSet(String id, List<Product> products, List<MigrationRule> rules) implements RuleSet {
    }

    private final List<Product> products = new ArrayList<>();
    private final List<MigrationRule> rules = new ArrayList<>();
    private String product;

    private TinyGraph(String product) {
        product(product);
    }

    /**
     * @param product the first product, to which edges are added
     * @return a graph without edges
     */
    public static TinyGraph of(String product) {
        return new TinyGraph(product);
    }

    /**
     * Declares another product; later edges belong to it.
     *
     * @param name the product
     * @return this
     */
    public TinyGraph product(String name) {
        products.add(new Product(name, "The " + name + " product.", "config/server.toml", "data", "models"));
        this.product = name;
        return this;
    }

    /** Adds a lossless edge with one config rule. */
    public TinyGraph edge(String from, String to) {
        return rule(product + " " + from + " to " + to + " config", RuleKind.CONFIG, from, to, false, List.of());
    }

    /** Adds a lossy edge with one config rule. */
    public TinyGraph lossy(String from, String to) {
        return rule(product + " " + from + " to " + to + " config", RuleKind.CONFIG, from, to, true, List.of());
    }

    /** Adds one rule on config/server.toml. */
    public TinyGraph rule(String id, RuleKind kind, String from, String to, boolean lossy, List<String> breaking) {
        return rule(id, kind, from, to, lossy, breaking, List.of("config/server.toml"));
    }

    /** Adds one rule. */
    public TinyGraph rule(String id, RuleKind kind, String from, String to, boolean lossy, List<String> breaking,
            List<String> paths) {
        rules.add(new DescribedRule(new RuleDescriptor(id, "Rule " + id, "Migrates for the tests.", product, from, to, kind,
                breaking, lossy, "1", paths)));
        return this;
    }

    /** @return a registry of one built-in rule set with everything added */
    public RuleRegistry registry() {
        return RuleRegistry.ofBuiltIns(new FixedRuleSet("tiny", List.copyOf(products), List.copyOf(rules)));
    }

    /** @return the version graph of everything added */
    public VersionGraph graph() {
        return registry().graph();
    }

    /**
     * The serve-like graph: 0.1.0 -> 1.0.0 -> 2.0.0 -> 2.1.0, down edges 2.1.0 -> 2.0.0 (lossy) and
     * 2.0.0 -> 1.0.0.
     *
     * @return the graph builder
     */
    public static TinyGraph serve() {
        return of("serve").edge("0.1.0", "1.0.0").edge("1.0.0", "2.0.0").edge("2.0.0", "2.1.0")
                .lossy("2.1.0", "2.0.0").edge("2.0.0", "1.0.0");
    }
}
