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
import java.util.function.Function;
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
 *
 * <p>With a {@link GraphStore} ({@link #of(Collection, List, GraphStore)}), a product's graph is read from the store
 * when it keeps one under the same key, else built and kept there: reading it skips checking the rules' version texts
 * and laying the edges. The rules such a graph names are checked, edge by edge, the first time they are looked up;
 * when they are not the loaded ones the graph is built fresh ({@link GraphIndexMismatch}, {@link #discardIndex}).
 */
public final class VersionGraph {

    /** Orders edges by source, then target (both in semver order), then declared origin. */
    public static final Comparator<GraphEdge> EDGE_ORDER = Comparator.comparing(GraphEdge::from, VersionText.ORDER)
            .thenComparing(GraphEdge::to, VersionText.ORDER)
            .thenComparing(GraphEdge::declaredFrom);

    private final Map<String, ProductRules> byProduct = new HashMap<>();
    private final List<String> products;
    private final List<MigrationRule> rules;
    private final GraphStore store;
    private final RuleTexts texts = new RuleTexts();
    private volatile boolean checked;
    private final Map<String, ProductGraph> built = new ConcurrentHashMap<>();

    /**
     * Groups the products; without a store, checks every rule now, else when a graph is first built fresh (a graph
     * read from the store was built from the same rules, which passed).
     */
    private VersionGraph(Collection<String> products, List<MigrationRule> rules, GraphStore store) {
        products.forEach(p -> byProduct.put(p, new ProductRules()));
        this.rules = rules;
        this.store = store;
        if (store == GraphStore.NONE) {
            check();
        }
        this.products = byProduct.keySet().stream().sorted().toList();
    }

    /** Checks every rule and groups them by product, once. */
    private synchronized void check() {
        if (checked) {
            return;
        }
        String last = null;
        ProductRules into = null;
        for (int i = 0; i < rules.size(); i++) {
            MigrationRule rule = rules.get(i);
            String product = rule.descriptor().product();
            if (!product.equals(last)) { // rules come a product at a time: one lookup per run of them
                last = product;
                into = byProduct.computeIfAbsent(product, p -> new ProductRules());
            }
            texts.check(rule, i, into);
        }
        checked = true;
    }

    /** Builds one product's graph: read from the store when it has it, else from the rules (and kept there). */
    private ProductGraph build(String product) {
        if (store != GraphStore.NONE) {
            Optional<ProductGraph> kept = store.find(product).flatMap(bytes -> CompiledGraph.read(bytes))
                    .map(compiled -> ProductGraph.of(product, compiled, rules));
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        return fresh(product);
    }

    private ProductGraph fresh(String product) {
        check();
        ProductGraph graph = ProductGraph.fresh(product, byProduct.get(product), texts.count(), rules);
        if (store != GraphStore.NONE) {
            store.keep(product, graph.compiled().bytes());
        }
        return graph;
    }

    private Optional<ProductGraph> product(String product) {
        return byProduct.containsKey(product) ? Optional.of(built.computeIfAbsent(product, this::build)) : Optional.empty();
    }

    /** @return the answer of the product's graph; when it was read from an index that proves stale, of a fresh one */
    private <T> T answer(String product, Function<ProductGraph, T> question, T none) {
        Optional<ProductGraph> graph = product(product);
        if (graph.isEmpty()) {
            return none;
        }
        try {
            return question.apply(graph.get());
        } catch (GraphIndexMismatch stale) {
            discardIndex(product);
            return question.apply(product(product).orElseThrow());
        }
    }

    /**
     * Drops a product's graph read from an index whose rules proved not to be the loaded ones ({@link GraphIndexMismatch})
     * and builds it fresh from the rules (keeping that in the store instead). Whoever holds an {@link IndexedGraph} of
     * the product asks {@link #indexed} again.
     *
     * @param product a product of this graph
     */
    public void discardIndex(String product) {
        if (byProduct.containsKey(product)) {
            built.put(product, fresh(product));
        }
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
        return new VersionGraph(products, rules, GraphStore.NONE);
    }

    /**
     * The graphs of every product, each read from a store when it keeps it under the same key, else built from the
     * rules and kept there. The rules are checked when a graph is first built from them, not here.
     *
     * @param products the products' names; every rule's product must be one of them (the registry refuses others)
     * @param rules    every loaded rule, in an order that is the same whenever the store's key is
     * @param store    where compiled graphs are kept ({@link GraphStore#NONE}: nowhere, and the rules checked now)
     * @return the graph
     * @throws MigrationException as {@link #of(Collection, List)} does, when a graph is first built from the rules
     */
    public static VersionGraph of(Collection<String> products, List<MigrationRule> rules, GraphStore store) {
        return new VersionGraph(products, rules, store);
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
        return answer(product, ProductGraph::versions, List.of());
    }

    /**
     * Whether a version is a known version of a product. O(1).
     *
     * @param product a product
     * @param version a canonical version text
     * @return true when it is one of {@link #versions}
     */
    public boolean hasVersion(String product, String version) {
        return answer(product, p -> p.hasVersion(version), false);
    }

    /**
     * Semantic version order for one product's versions, oldest first: the same order as {@link VersionText#ORDER},
     * in O(1) a comparison for two known versions (their places in {@link #versions}), parsing only other texts.
     *
     * @param product a product
     * @return the comparator of canonical version texts
     */
    public Comparator<String> versionOrder(String product) {
        return answer(product, ProductGraph::order, VersionText.ORDER);
    }

    /**
     * The edges declared from a range, as written: {@code >=1.0.0 <1.1.0 -> 2.0.0}.
     *
     * @param product a product
     * @return each range edge as {@code RANGE -> TO}, sorted; empty for an unknown product or one without range edges
     */
    public List<String> rangeEdges(String product) {
        return answer(product, ProductGraph::rangeEdges, List.of());
    }

    /**
     * @param product a product
     * @return its edges, sorted by from, then to (semver order), then declared origin; empty for an unknown product
     */
    public List<GraphEdge> edges(String product) {
        return answer(product, ProductGraph::edges, List.of());
    }

    /**
     * The product's graph, for algorithms; read-only. Vertices are canonical version texts.
     *
     * @param product a product
     * @return the graph, or empty for an unknown product
     */
    public Optional<Graph<String, GraphEdge>> graph(String product) {
        return answer(product, p -> Optional.of(p.graph()), Optional.empty());
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
        return answer(product, p -> p.edgesFrom(version), List.of());
    }

    /**
     * The product's graph as ints, for the planner's searches: vertices are version ranks (semver order), edges are
     * numbered in {@link #EDGE_ORDER}. For a source version the graph lacks but range edges cover, the graph has one
     * more vertex, the source, with an edge for each range edge covering it. When the product's graph was read from an
     * index, {@link IndexedGraph#edge} may throw {@link GraphIndexMismatch}: the caller then calls {@link #discardIndex}
     * and asks again (every other method here does that itself).
     *
     * @param product a product
     * @param source  a canonical version text, where searches start
     * @return the graph, or empty for an unknown product
     */
    public Optional<IndexedGraph> indexed(String product, String source) {
        return answer(product, p -> Optional.of(p.indexedFrom(source)), Optional.empty());
    }

    /**
     * The rules of an edge in run order: config, then data, then model, each kind sorted by id.
     *
     * @param edge an edge of this graph, or one {@link #edgesFrom} made for a version the graph lacks
     * @return the rules, empty for an edge this graph does not have
     */
    public List<MigrationRule> rules(GraphEdge edge) {
        return answer(edge.product(), p -> p.rules(edge.declaredFrom(), edge.to()), List.of());
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
