package dev.verpath.engine.graph;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.RuleBugFailure;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.RuleDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DirectedMultigraph;

/**
 * One directed graph of versions per product, built from every loaded rule. Immutable and
 * thread-safe once built.
 *
 * <p>Rules with the same product, declared {@code from} (in its {@link VersionRange#normalize normal
 * form}) and {@code to} form one edge; the edge is lossy when any of its rules is. The known versions of
 * a product are every concrete {@code from} and every {@code to} of its rules. A rule whose {@code from}
 * is a range gives one edge from each known version the range covers to its target, except from the
 * target itself; two edges may then join the same pair of versions (one declared for the version, one
 * for a range covering it), so each product's graph is a JGraphT {@link DirectedMultigraph}.
 *
 * <p>Building takes O(R log R + V·Q + E log E) for R rules, V known versions, Q range edges and E
 * edges; every query afterwards is a lookup in what was built.
 */
public final class VersionGraph {

    /** Orders edges by source, then target (both in semver order), then declared origin. */
    public static final Comparator<GraphEdge> EDGE_ORDER = Comparator.comparing(GraphEdge::from, VersionText.ORDER)
            .thenComparing(GraphEdge::to, VersionText.ORDER)
            .thenComparing(GraphEdge::declaredFrom);

    /** Config rules first, then data, then model; each kind by id. */
    private static final Comparator<MigrationRule> RULE_ORDER = Comparator
            .comparing((MigrationRule r) -> r.descriptor().kind())
            .thenComparing(r -> r.descriptor().id());

    private static final Comparator<Declared.Key> KEY_ORDER = Comparator.comparing(Declared.Key::product)
            .thenComparing(Declared.Key::declaredFrom).thenComparing(Declared.Key::to);

    private final Map<String, Graph<String, GraphEdge>> graphs;
    private final Map<String, List<String>> versions;
    private final Map<String, List<GraphEdge>> edges;
    private final Map<String, List<Declared>> declared;
    private final Map<Declared.Key, List<MigrationRule>> rules;

    /** The rules of one (product, declared from, to), before they are laid on concrete versions. */
    private record Declared(Key key, Optional<VersionRange> range, boolean lossy, List<String> ruleIds) {
        private record Key(String product, String declaredFrom, String to) {
        }
    }

    private VersionGraph(Collection<String> products, List<MigrationRule> rules) {
        Map<Declared.Key, List<MigrationRule>> grouped = new TreeMap<>(KEY_ORDER);
        Map<String, TreeSet<String>> known = new TreeMap<>();
        products.forEach(p -> known.put(p, new TreeSet<>(VersionText.ORDER)));
        Map<Declared.Key, Optional<VersionRange>> ranges = new TreeMap<>(KEY_ORDER);
        for (MigrationRule rule : rules) {
            RuleDescriptor d = rule.descriptor();
            String to = VersionText.parse(d.to()).orElseThrow(() -> invalidRule(d, "leads to '" + d.to() + "'"));
            Optional<String> concrete = VersionText.parse(d.from());
            Optional<VersionRange> range = concrete.isPresent() ? Optional.empty() : Optional.of(range(d));
            String from = concrete.orElseGet(() -> range.orElseThrow().text());
            if (from.equals(to)) {
                throw invalidRule(d, "leads from " + from + " to itself");
            }
            TreeSet<String> versionsOfProduct = known.computeIfAbsent(d.product(), p -> new TreeSet<>(VersionText.ORDER));
            versionsOfProduct.add(to);
            concrete.ifPresent(versionsOfProduct::add);
            Declared.Key key = new Declared.Key(d.product(), from, to);
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(rule);
            ranges.put(key, range);
        }
        Map<Declared.Key, List<MigrationRule>> rulesByKey = new TreeMap<>(KEY_ORDER);
        Map<String, List<Declared>> declaredByProduct = declare(grouped, ranges, rulesByKey);
        Map<String, Graph<String, GraphEdge>> graphsByProduct = new TreeMap<>();
        Map<String, List<String>> versionsByProduct = new TreeMap<>();
        Map<String, List<GraphEdge>> edgesByProduct = new TreeMap<>();
        for (Map.Entry<String, TreeSet<String>> product : known.entrySet()) {
            String name = product.getKey();
            List<String> versionList = List.copyOf(product.getValue());
            List<GraphEdge> edgeList = laid(declaredByProduct.getOrDefault(name, List.of()), versionList);
            Graph<String, GraphEdge> graph = new DirectedMultigraph<>(GraphEdge.class);
            versionList.forEach(graph::addVertex);
            edgeList.forEach(e -> graph.addEdge(e.from(), e.to(), e));
            graphsByProduct.put(name, new AsUnmodifiableGraph<>(graph));
            versionsByProduct.put(name, versionList);
            edgesByProduct.put(name, edgeList);
            declaredByProduct.putIfAbsent(name, List.of());
        }
        this.graphs = graphsByProduct;
        this.versions = versionsByProduct;
        this.edges = edgesByProduct;
        this.declared = declaredByProduct;
        this.rules = rulesByKey;
    }

    /**
     * Orders each group's rules (into {@code rulesByKey}) and declares its edge.
     *
     * @return the declared edges by product
     */
    private static Map<String, List<Declared>> declare(Map<Declared.Key, List<MigrationRule>> grouped,
                                                       Map<Declared.Key, Optional<VersionRange>> ranges,
                                                       Map<Declared.Key, List<MigrationRule>> rulesByKey) {
        Map<String, List<Declared>> declaredByProduct = new TreeMap<>();
        for (Map.Entry<Declared.Key, List<MigrationRule>> group : grouped.entrySet()) {
            List<MigrationRule> ordered = group.getValue().stream().sorted(RULE_ORDER).toList();
            rulesByKey.put(group.getKey(), ordered);
            boolean lossy = ordered.stream().anyMatch(r -> r.descriptor().lossy());
            List<String> ids = ordered.stream().map(r -> r.descriptor().id()).sorted().toList();
            declaredByProduct.computeIfAbsent(group.getKey().product(), p -> new ArrayList<>())
                    .add(new Declared(group.getKey(), ranges.get(group.getKey()), lossy, ids));
        }
        return declaredByProduct;
    }

    /** @return a product's declared edges laid on its known versions (a range on each version it covers), sorted */
    private static List<GraphEdge> laid(List<Declared> declaredEdges, List<String> versionList) {
        List<GraphEdge> edgeList = new ArrayList<>();
        for (Declared group : declaredEdges) {
            if (group.range().isEmpty()) {
                edgeList.add(edge(group, group.key().declaredFrom()));
            } else {
                versionList.stream().filter(v -> !v.equals(group.key().to()) && group.range().get().contains(v))
                        .forEach(v -> edgeList.add(edge(group, v)));
            }
        }
        edgeList.sort(EDGE_ORDER);
        return List.copyOf(edgeList);
    }

    private static GraphEdge edge(Declared group, String from) {
        return new GraphEdge(group.key().product(), from, group.key().to(), group.key().declaredFrom(), group.lossy(),
                group.ruleIds());
    }

    private static VersionRange range(RuleDescriptor d) {
        try {
            return VersionRange.parse(d.from());
        } catch (MigrationException e) {
            throw invalidRule(d, "declares from '" + d.from() + "', which is neither a version nor a range");
        }
    }

    private static MigrationException invalidRule(RuleDescriptor d, String problem) {
        return new RuleBugFailure(ErrorCode.RULE_SET_INVALID, "rule " + d.id() + " of product " + d.product() + " "
                + problem + "; fix the rule set or remove its plugin");
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
        return List.copyOf(graphs.keySet());
    }

    /**
     * @param product a product
     * @return whether the graph has the product (it may still have no versions)
     */
    public boolean hasProduct(String product) {
        return graphs.containsKey(product);
    }

    /**
     * @param product a product
     * @return its known versions in semver order, oldest first; empty for an unknown product
     */
    public List<String> versions(String product) {
        return versions.getOrDefault(product, List.of());
    }

    /**
     * @param product a product
     * @return its edges, sorted by from, then to (semver order), then declared origin; empty for an unknown product
     */
    public List<GraphEdge> edges(String product) {
        return edges.getOrDefault(product, List.of());
    }

    /**
     * The product's graph, for algorithms; read-only. Vertices are canonical version texts.
     *
     * @param product a product
     * @return the graph, or empty for an unknown product
     */
    public Optional<Graph<String, GraphEdge>> graph(String product) {
        return Optional.ofNullable(graphs.get(product));
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
        Graph<String, GraphEdge> graph = graphs.get(product);
        if (graph == null) {
            return List.of();
        }
        if (graph.containsVertex(version)) {
            return graph.outgoingEdgesOf(version).stream().sorted(EDGE_ORDER).toList();
        }
        return declared.get(product).stream()
                .filter(d -> d.range().isPresent() && !d.key().to().equals(version) && d.range().get().contains(version))
                .map(d -> edge(d, version)).sorted(EDGE_ORDER).toList();
    }

    /**
     * The rules of an edge in run order: config, then data, then model, each kind sorted by id.
     *
     * @param edge an edge of this graph, or one {@link #edgesFrom} made for a version the graph lacks
     * @return the rules, empty for an edge this graph does not have
     */
    public List<MigrationRule> rules(GraphEdge edge) {
        return rules.getOrDefault(new Declared.Key(edge.product(), edge.declaredFrom(), edge.to()), List.of());
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
