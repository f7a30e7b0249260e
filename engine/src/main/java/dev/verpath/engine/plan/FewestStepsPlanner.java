package dev.verpath.engine.plan;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.graph.GraphEdge;
import dev.verpath.engine.graph.VersionGraph;
import dev.verpath.engine.graph.VersionText;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.MigrationRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm.SingleSourcePaths;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.graph.MaskSubgraph;

/**
 * Plans a migration as the path of fewest steps through a product's {@link VersionGraph}. Immutable
 * and thread-safe.
 *
 * <p>The search is a breadth-first search (JGraphT's {@link BFSShortestPath}) backwards from the
 * target, which gives every version its distance to the target; the path then starts at the source
 * and always takes a step that brings it one closer. Ties are broken so the result is the same on
 * every run:
 * <ol>
 *   <li>a path with no lossy step is preferred to an equally short path with one (lossy edges are
 *       used at all only when lossy steps are allowed);</li>
 *   <li>among equally short paths, the one whose sequence of versions is lexicographically smallest
 *       in semver order ({@code 1.0.0 -> 1.2.0 -> 2.0.0} before {@code 1.0.0 -> 1.5.0 -> 2.0.0});</li>
 *   <li>between two edges joining the same two versions, the one declared for the version itself
 *       before one declared for a range covering it, then by declared origin text.</li>
 * </ol>
 * A plan takes O(V+E) for the search, plus the listing of alternatives: the first {@link #MAX_ALTERNATIVES}
 * simple paths of at most {@link #EXTRA_STEPS} more steps in the same order ({@link AlternativePaths}), found
 * without listing every such path (of which a graph of many versions and edges has millions).
 *
 * <p>An installation at a version the graph lacks but a range edge covers (say {@code 1.0.3} with an
 * edge {@code >=1.0.0 <2.0.0 -> 2.0.0}) is planned from a temporary vertex with the covering edges.
 */
public final class FewestStepsPlanner {

    /** At most this many alternatives are listed. */
    public static final int MAX_ALTERNATIVES = 5;

    /** Alternatives have at most this many steps more than the chosen path. */
    public static final int EXTRA_STEPS = 2;

    private static final java.util.function.Predicate<GraphEdge> NONE = edge -> false;

    private final VersionGraph graph;
    private final java.util.function.Predicate<GraphEdge> blocked;

    /**
     * @param graph the version graph to plan in
     */
    public FewestStepsPlanner(VersionGraph graph) {
        this(graph, NONE);
    }

    private FewestStepsPlanner(VersionGraph graph, java.util.function.Predicate<GraphEdge> blocked) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.blocked = blocked;
    }

    /**
     * A planner that never takes the edges given: those an edge risk blocks for one installation.
     *
     * @param edges the edges not to take
     * @return a planner over the same graph
     */
    public FewestStepsPlanner avoiding(java.util.function.Predicate<GraphEdge> edges) {
        return new FewestStepsPlanner(graph, edges);
    }

    /**
     * @param registry the loaded rules, whose version graph is built once here
     */
    public FewestStepsPlanner(RuleRegistry registry) {
        this(registry.graph());
    }

    /** @return the graph this planner plans in */
    public VersionGraph graph() {
        return graph;
    }

    /**
     * The path of fewest steps from one version to another, with the other paths worth knowing. O(V+E)
     * for the path; see the class comment for the alternatives and the tie rules.
     *
     * @param product    the product
     * @param from       the source version; a version the graph lacks is planned from the range edges covering it
     * @param to         the target version, a known version
     * @param allowLossy whether lossy edges may be taken (also in the alternatives)
     * @return the plan, without an estimate; no steps when {@code from} equals {@code to}
     * @throws MigrationException with {@link ErrorCode#USAGE} when a version is not semver text, and with
     *                            {@link ErrorCode#NO_PATH} for an unknown product, an unknown version, a source
     *                            newer than every known version, or a target that cannot be reached
     */
    public MigrationPlan plan(String product, String from, String to, boolean allowLossy) {
        String source = source(product, from);
        String target = VersionText.canonical(to);
        if (source.equals(target)) {
            return new MigrationPlan(product, source, target, List.of(), List.of(), Optional.empty());
        }
        if (!graph.hasVersion(product, target)) {
            throw PlanFailures.unknownTarget(product, target, graph.versions(product));
        }
        Graph<String, GraphEdge> all = working(product, source);
        Graph<String, GraphEdge> lossless = new MaskSubgraph<>(all, v -> false, GraphEdge::lossy);
        Comparator<String> order = graph.versionOrder(product);
        Map<Graph<String, GraphEdge>, SingleSourcePaths<String, GraphEdge>> toTarget = new IdentityHashMap<>();
        Optional<List<GraphEdge>> path = fewestSteps(lossless, source, target, order, toTarget);
        if (allowLossy) {
            Optional<List<GraphEdge>> any = fewestSteps(all, source, target, order, toTarget);
            if (any.isPresent() && (path.isEmpty() || any.get().size() < path.get().size())) {
                path = any;
            }
        }
        if (path.isEmpty()) {
            Optional<List<GraphEdge>> lossy = allowLossy ? Optional.empty() : fewestSteps(all, source, target, order, toTarget);
            if (lossy.isPresent()) {
                throw PlanFailures.onlyLossyPath(product, source, target, versionsOf(source, lossy.get()));
            }
            throw PlanFailures.unreachable(product, source, target, reachable(allowLossy ? all : lossless, source, order));
        }
        List<PlanStep> steps = path.get().stream().map(this::step).toList();
        List<String> chosen = versionsOf(source, path.get());
        Graph<String, GraphEdge> usable = allowLossy ? all : lossless;
        return new MigrationPlan(product, source, target, steps, AlternativePaths.first(usable, toTarget.get(usable), source,
                target, chosen.size() - 1 + EXTRA_STEPS, MAX_ALTERNATIVES, chosen, order), Optional.empty());
    }

    /**
     * The plan to the version asked for, or, when none is asked, to the newest reachable one (no steps when the
     * source is already the newest): what {@code info} shows and {@code version} runs.
     *
     * @param product    the product
     * @param from       the source version
     * @param to         the target version, when one was asked for
     * @param allowLossy whether lossy edges may be taken
     * @return the plan, without an estimate
     * @throws MigrationException as {@link #plan} does
     */
    public MigrationPlan planTo(String product, String from, Optional<String> to, boolean allowLossy) {
        String target = to.orElseGet(() -> newestReachable(product, from, allowLossy).orElse(from));
        return plan(product, from, target, allowLossy);
    }

    /**
     * The newest version reachable from a version: the default target. Down edges never make a default:
     * only a version newer than {@code from} is returned. O(V+E).
     *
     * @param product    the product
     * @param from       the source version
     * @param allowLossy whether lossy edges may be taken
     * @return the newest reachable version newer than {@code from}, or empty when none is (already up to date)
     * @throws MigrationException as {@link #plan} does for the product and the source
     */
    public Optional<String> newestReachable(String product, String from, boolean allowLossy) {
        String source = source(product, from);
        Graph<String, GraphEdge> all = working(product, source);
        Graph<String, GraphEdge> usable = allowLossy ? all : new MaskSubgraph<>(all, v -> false, GraphEdge::lossy);
        SingleSourcePaths<String, GraphEdge> paths = new BFSShortestPath<>(usable).getPaths(source);
        Comparator<String> order = graph.versionOrder(product);
        List<String> known = graph.versions(product);
        for (int i = known.size() - 1; i >= 0 && order.compare(known.get(i), source) > 0; i--) {
            if (!Double.isInfinite(paths.getWeight(known.get(i)))) {
                return Optional.of(known.get(i));
            }
        }
        return Optional.empty();
    }

    private String source(String product, String from) {
        if (!graph.hasProduct(product)) {
            throw PlanFailures.unknownProduct(product, graph.products());
        }
        String source = VersionText.canonical(from);
        if (graph.hasVersion(product, source)) {
            return source;
        }
        List<String> known = graph.versions(product);
        if (!known.isEmpty() && VersionText.compare(source, known.get(known.size() - 1)) > 0) {
            throw PlanFailures.newerThanKnown(product, source, known);
        }
        if (graph.edgesFrom(product, source).isEmpty()) {
            throw PlanFailures.unknownSource(product, source, known, graph.rangeEdges(product));
        }
        return source;
    }

    /** The product's graph less the blocked edges, plus a temporary vertex for a source only range edges cover. O(V+E). */
    private Graph<String, GraphEdge> working(String product, String source) {
        Graph<String, GraphEdge> g = withSource(product, source);
        return blocked == NONE ? g : new MaskSubgraph<>(g, v -> false, blocked);
    }

    private Graph<String, GraphEdge> withSource(String product, String source) {
        Graph<String, GraphEdge> base = graph.graph(product).orElseThrow();
        if (base.containsVertex(source)) {
            return base;
        }
        Graph<String, GraphEdge> copy = new DirectedMultigraph<>(GraphEdge.class);
        Graphs.addGraph(copy, base);
        copy.addVertex(source);
        graph.edgesFrom(product, source).forEach(e -> copy.addEdge(source, e.to(), e));
        return copy;
    }

    /**
     * BFS backwards from the target for distances (kept in {@code searched} for the alternatives), then the smallest
     * step that keeps the distance falling.
     */
    private static Optional<List<GraphEdge>> fewestSteps(Graph<String, GraphEdge> g, String source, String target,
            Comparator<String> order, Map<Graph<String, GraphEdge>, SingleSourcePaths<String, GraphEdge>> searched) {
        SingleSourcePaths<String, GraphEdge> toTarget = searched.computeIfAbsent(g,
                x -> new BFSShortestPath<>(new EdgeReversedGraph<>(x)).getPaths(target));
        double distance = toTarget.getWeight(source);
        if (Double.isInfinite(distance)) {
            return Optional.empty();
        }
        Comparator<GraphEdge> stepOrder = Comparator.comparing(GraphEdge::to, order)
                .thenComparing(e -> !e.declaredFrom().equals(e.from()))
                .thenComparing(GraphEdge::declaredFrom);
        List<GraphEdge> path = new ArrayList<>();
        String at = source;
        while (!at.equals(target)) {
            double next = toTarget.getWeight(at) - 1;
            GraphEdge step = g.outgoingEdgesOf(at).stream()
                    .filter(e -> toTarget.getWeight(e.to()) == next)
                    .min(stepOrder).orElseThrow();
            path.add(step);
            at = step.to();
        }
        return Optional.of(List.copyOf(path));
    }

    private static List<String> reachable(Graph<String, GraphEdge> g, String source, Comparator<String> order) {
        SingleSourcePaths<String, GraphEdge> paths = new BFSShortestPath<>(g).getPaths(source);
        return g.vertexSet().stream()
                .filter(v -> !v.equals(source) && !Double.isInfinite(paths.getWeight(v)))
                .sorted(order).toList();
    }

    private PlanStep step(GraphEdge edge) {
        List<MigrationRule> rules = graph.rules(edge);
        Set<String> breaking = new LinkedHashSet<>();
        rules.forEach(r -> breaking.addAll(r.descriptor().breakingChanges()));
        return new PlanStep(edge.from(), edge.to(), edge.declaredFrom(), rules, List.copyOf(breaking), edge.lossy());
    }

    private static List<String> versionsOf(String source, List<GraphEdge> path) {
        List<String> versions = new ArrayList<>();
        versions.add(source);
        path.forEach(e -> versions.add(e.to()));
        return List.copyOf(versions);
    }

}
