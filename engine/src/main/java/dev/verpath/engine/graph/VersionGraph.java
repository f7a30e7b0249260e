package dev.verpath.engine.graph;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.MigrationRule;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jgrapht.Graph;

/**
 * One directed graph of versions per product, built from every loaded rule. Immutable and
 * thread-safe once built.
 *
 * <p>Rules with the same product, declared {@code from} (in its {@link VersionRange#normalize normal
 * form}) and {@code to} form one edge; the edge is lossy when any of its rules is. The known versions of
 * a product are every concrete {@code from} and every {@code to} of its rules. A rule whose {@code from}
 * is a range gives one edge from each known version the range covers to its target, except from the
 * target itself; two edges may then join the same pair of versions (one declared for the version, one
 * for a range covering it), so each product's graph is a JGraphT directed multigraph.
 *
 * <p>{@link #of} checks and groups every rule in O(R) for R rules (each distinct version text parsed once);
 * a product's graph is built the first time it is asked for, in O(V log V + V·Q + E log E) for its V known
 * versions, Q range edges and E edges, so a command about one product pays nothing for the others' graphs.
 * Every query afterwards is a lookup in what was built.
 */
public final class VersionGraph {

    /** Orders edges by source, then target (both in semver order), then declared origin. */
    public static final Comparator<GraphEdge> EDGE_ORDER = Comparator.comparing(GraphEdge::from, VersionText.ORDER)
            .thenComparing(GraphEdge::to, VersionText.ORDER)
            .thenComparing(GraphEdge::declaredFrom);

    private final Map<String, ProductRules> byProduct = new HashMap<>();
    private final List<String> products;
    private final RuleTexts texts = new RuleTexts();
    private final Map<String, ProductGraph> built = new ConcurrentHashMap<>();

    /** Checks every rule and groups them by product; each product's graph is built when first asked for. */
    private VersionGraph(Collection<String> products, List<MigrationRule> rules) {
        products.forEach(p -> byProduct.put(p, new ProductRules()));
        String last = null;
        ProductRules into = null;
        for (MigrationRule rule : rules) {
            String product = rule.descriptor().product();
            if (!product.equals(last)) { // rules come a product at a time: one lookup per run of them
                last = product;
                into = byProduct.computeIfAbsent(product, p -> new ProductRules());
            }
            texts.check(rule, into);
        }
        this.products = byProduct.keySet().stream().sorted().toList();
    }

    /** Builds one product's graph: its known versions, and its rules grouped into declared edges. */
    private ProductGraph build(String product) {
        return new ProductGraph(product, byProduct.get(product), texts.count());
    }

    private Optional<ProductGraph> product(String product) {
        return byProduct.containsKey(product) ? Optional.of(built.computeIfAbsent(product, this::build)) : Optional.empty();
    }

    /**
     * Builds the graphs of every product.
     *
     * @param products the products' names: each has a graph, if only of the versions its rules name
     * @param rules    every loaded rule
     * @return the graph
     * @throws MigrationException with {@link ErrorCode#RULE_SET_INVALID} when a rule's {@code from} or
     *                            {@code to} is not a version (or range), or a rule leads to its own origin
     */
    public static VersionGraph of(Collection<String> products, List<MigrationRule> rules) {
        return new VersionGraph(products, rules);
    }

    /** @return the product names, sorted */
    public List<String> products() {
        return products;
    }

    /**
     * @param product a product
     * @return whether the graph has the product (it may still have no versions)
     */
    public boolean hasProduct(String product) {
        return byProduct.containsKey(product);
    }

    /**
     * @param product a product
     * @return its known versions in semver order, oldest first; empty for an unknown product
     */
    public List<String> versions(String product) {
        return product(product).map(ProductGraph::versions).orElse(List.of());
    }

    /**
     * Whether a version is a known version of a product. O(1).
     *
     * @param product a product
     * @param version a canonical version text
     * @return true when it is one of {@link #versions}
     */
    public boolean hasVersion(String product, String version) {
        return product(product).filter(p -> p.hasVersion(version)).isPresent();
    }

    /**
     * Semantic version order for one product's versions, oldest first: the same order as {@link VersionText#ORDER},
     * in O(1) a comparison for two known versions (their places in {@link #versions}), parsing only other texts.
     *
     * @param product a product
     * @return the comparator of canonical version texts
     */
    public Comparator<String> versionOrder(String product) {
        return product(product).map(ProductGraph::order).orElse(VersionText.ORDER);
    }

    /**
     * The edges declared from a range, as written: {@code >=1.0.0 <1.1.0 -> 2.0.0}.
     *
     * @param product a product
     * @return each range edge as {@code RANGE -> TO}, sorted; empty for an unknown product or one without range edges
     */
    public List<String> rangeEdges(String product) {
        return product(product).map(ProductGraph::rangeEdges).orElse(List.of());
    }

    /**
     * @param product a product
     * @return its edges, sorted by from, then to (semver order), then declared origin; empty for an unknown product
     */
    public List<GraphEdge> edges(String product) {
        return product(product).map(ProductGraph::edges).orElse(List.of());
    }

    /**
     * The product's graph, for algorithms; read-only. Vertices are canonical version texts.
     *
     * @param product a product
     * @return the graph, or empty for an unknown product
     */
    public Optional<Graph<String, GraphEdge>> graph(String product) {
        return product(product).map(ProductGraph::graph);
    }

    /**
     * The edges that leave a version: the graph's own for a known version; for any other version, one
     * edge from it for each range edge that covers it (an installation at {@code 1.0.3} leaves through
     * {@code >=1.0.0 <2.0.0 -> 2.0.0}). O(out-degree) for a known version, O(Q) for another.
     *
     * @param product a product
     * @param version a canonical version text
     * @return the edges, in {@link #EDGE_ORDER}
     */
    public List<GraphEdge> edgesFrom(String product, String version) {
        return product(product).map(p -> p.edgesFrom(version)).orElse(List.of());
    }

    /**
     * The product's graph as ints, for the planner's searches: vertices are version ranks (semver order), edges are
     * numbered in {@link #EDGE_ORDER}. For a source version the graph lacks but range edges cover, the graph has one
     * more vertex, the source, with an edge for each range edge covering it.
     *
     * @param product a product
     * @param source  a canonical version text, where searches start
     * @return the graph, or empty for an unknown product
     */
    public Optional<IndexedGraph> indexed(String product, String source) {
        return product(product).map(p -> p.indexedFrom(source));
    }

    /**
     * The rules of an edge in run order: config, then data, then model, each kind sorted by id.
     *
     * @param edge an edge of this graph, or one {@link #edgesFrom} made for a version the graph lacks
     * @return the rules, empty for an edge this graph does not have
     */
    public List<MigrationRule> rules(GraphEdge edge) {
        return product(edge.product()).map(p -> p.rules(edge.declaredFrom(), edge.to())).orElse(List.of());
    }

    /** @return every product's graph as indented text, one edge a line, lossy edges marked {@code [lossy]} */
    public String toText() {
        return new GraphRenderer(this).text();
    }

    /** @return every product's graph in Graphviz DOT, lossy edges dashed, red and labelled {@code lossy} */
    public String toDot() {
        return new GraphRenderer(this).dot();
    }

    /** @return every product's graph as a Mermaid {@code flowchart LR}, lossy edges dotted and labelled {@code lossy} */
    public String toMermaid() {
        return new GraphRenderer(this).mermaid();
    }
}
