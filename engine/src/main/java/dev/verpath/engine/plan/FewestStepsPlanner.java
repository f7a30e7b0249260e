package dev.verpath.engine.plan;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.graph.GraphEdge;
import dev.verpath.engine.graph.GraphIndexMismatch;
import dev.verpath.engine.graph.IndexedGraph;
import dev.verpath.engine.graph.VersionGraph;
import dev.verpath.engine.graph.VersionText;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.MigrationRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * Plans a migration as the path of fewest steps through a product's {@link VersionGraph}. Immutable
 * and thread-safe.
 *
 * <p>The search is a breadth-first search (JGraphT's {@code BreadthFirstIterator}, on the product's
 * {@link dev.verpath.engine.graph.IndexedGraph}) backwards from the target, which gives every version its
 * distance to the target; the path then starts at the source
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
 * Without a version asked for, the newest version is tried first, with the search backwards from it that
 * planning to it needs anyway: the default plan costs one search, not two.
 */
public final class FewestStepsPlanner {

    /** At most this many alternatives are listed. */
    public static final int MAX_ALTERNATIVES = 5;

    /** Alternatives have at most this many steps more than the chosen path. */
    public static final int EXTRA_STEPS = 2;

    private static final java.util.function.Predicate<GraphEdge> NONE = PlanSearch.NONE;

    /** Among steps to the same version: the edge declared for the version itself first, then by declared origin. */
    private static final Comparator<GraphEdge> STEP_ORDER = Comparator
            .comparing((GraphEdge e) -> !e.declaredFrom().equals(e.from())).thenComparing(GraphEdge::declaredFrom);

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
        return checked(product, () -> plan(new PlanSearch(graph, blocked, product, source(product, from), allowLossy), to));
    }

    /**
     * Runs a search; when the product's graph came from an index whose rules prove not to be the loaded ones, runs it
     * again on the graph built fresh: the plan is always the fresh graph's.
     */
    private <T> T checked(String product, Supplier<T> search) {
        try {
            return search.get();
        } catch (GraphIndexMismatch stale) {
            graph.discardIndex(product);
            return search.get();
        }
    }

    private MigrationPlan plan(PlanSearch search, String to) {
        String product = search.product();
        String source = search.source();
        String target = VersionText.canonical(to);
        if (source.equals(target)) {
            return new MigrationPlan(product, source, target, List.of(), List.of(), Optional.empty());
        }
        if (!graph.hasVersion(product, target)) {
            throw PlanFailures.unknownTarget(product, target, graph.versions(product));
        }
        int from = search.all().vertex(source);
        int goal = search.all().vertex(target);
        Optional<List<GraphEdge>> path = fewestSteps(search, search.lossless(), from, goal);
        if (search.allowLossy()) {
            Optional<List<GraphEdge>> any = fewestSteps(search, search.all(), from, goal);
            if (any.isPresent() && (path.isEmpty() || any.get().size() < path.get().size())) {
                path = any;
            }
        }
        if (path.isEmpty()) {
            Optional<List<GraphEdge>> lossy = search.allowLossy() ? Optional.empty() : fewestSteps(search, search.all(), from, goal);
            if (lossy.isPresent()) {
                throw PlanFailures.onlyLossyPath(product, source, target, versionsOf(source, lossy.get()));
            }
            throw PlanFailures.unreachable(product, source, target, reachable(search.usable(), from));
        }
        List<PlanStep> steps = path.get().stream().map(this::step).toList();
        List<String> chosen = versionsOf(source, path.get());
        IndexedGraph usable = search.usable();
        List<List<String>> alternatives = AlternativePaths.first(usable, search.distances(usable, goal), from, goal,
                chosen.size() - 1 + EXTRA_STEPS, MAX_ALTERNATIVES, chosen);
        alternatives.forEach(versions -> AlternativePaths.lookUpRules(usable, versions));
        return new MigrationPlan(product, source, target, steps, alternatives, Optional.empty());
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
        return checked(product, () -> {
            PlanSearch search = new PlanSearch(graph, blocked, product, source(product, from), allowLossy);
            return plan(search, to.orElseGet(() -> newest(search).orElse(search.source())));
        });
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
        return checked(product, () -> newest(new PlanSearch(graph, blocked, product, source(product, from), allowLossy)));
    }

    /**
     * The newest version is tried first, with the search backwards from it that planning to it needs anyway; only when
     * it is out of reach does a search forwards from the source find the newest version that is not.
     */
    private Optional<String> newest(PlanSearch search) {
        List<String> known = graph.versions(search.product());
        Comparator<String> order = graph.versionOrder(search.product());
        if (known.isEmpty() || order.compare(known.get(known.size() - 1), search.source()) <= 0) {
            return Optional.empty();
        }
        IndexedGraph usable = search.usable();
        int from = usable.vertex(search.source());
        if (search.distances(usable, known.size() - 1)[from] != PlanSearch.UNREACHABLE) {
            return Optional.of(known.get(known.size() - 1));
        }
        boolean[] reached = new boolean[usable.vertexCount()];
        new BreadthFirstIterator<>(usable, from).forEachRemaining(v -> reached[v] = true);
        for (int v = known.size() - 2; v >= 0 && order.compare(known.get(v), search.source()) > 0; v--) {
            if (reached[v]) {
                return Optional.of(known.get(v));
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

    /**
     * The distances to the target (kept for the alternatives), then from the source the smallest step that keeps the
     * distance falling: to the lowest version, then an edge declared for the version before one for a range.
     */
    private static Optional<List<GraphEdge>> fewestSteps(PlanSearch search, IndexedGraph g, int from, int goal) {
        int[] d = search.distances(g, goal);
        if (d[from] == PlanSearch.UNREACHABLE) {
            return Optional.empty();
        }
        List<GraphEdge> path = new ArrayList<>();
        for (int at = from; at != goal; ) {
            int next = d[at] - 1;
            int lowest = Integer.MAX_VALUE;
            List<GraphEdge> candidates = new ArrayList<>();
            for (int e : g.outgoingEdgesOf(at)) {
                int to = g.targetOf(e);
                if (d[to] == next && to <= lowest) {
                    if (to < lowest) {
                        candidates.clear();
                        lowest = to;
                    }
                    candidates.add(g.edge(e));
                }
            }
            path.add(candidates.stream().min(STEP_ORDER).orElseThrow());
            at = lowest;
        }
        return Optional.of(List.copyOf(path));
    }

    private static List<String> reachable(IndexedGraph g, int from) {
        List<String> found = new ArrayList<>();
        BreadthFirstIterator<Integer, Integer> walk = new BreadthFirstIterator<>(g, from);
        boolean[] reached = new boolean[g.vertexCount()];
        walk.forEachRemaining(v -> reached[v] = v != from);
        for (int v = 0; v < reached.length; v++) {
            if (reached[v]) {
                found.add(g.version(v));
            }
        }
        return List.copyOf(found);
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
