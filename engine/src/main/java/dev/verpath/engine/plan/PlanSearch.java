package dev.verpath.engine.plan;

import dev.verpath.engine.graph.GraphEdge;
import dev.verpath.engine.graph.IndexedGraph;
import dev.verpath.engine.graph.VersionGraph;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * One plan's graphs and searches: the product's graph from the source less the blocked edges, its lossless part, and
 * every version's distance to the target in each, searched once (a breadth-first search backwards from the target,
 * JGraphT's {@link BreadthFirstIterator} on an {@link EdgeReversedGraph}), in O(V+E). Not thread-safe; one plan.
 */
final class PlanSearch {

    /** No edge blocked. */
    static final Predicate<GraphEdge> NONE = edge -> false;

    /** A vertex's distance to a target it cannot reach. */
    static final int UNREACHABLE = Integer.MAX_VALUE;

    private final String product;
    private final String source;
    private final boolean allowLossy;
    private final IndexedGraph all;
    private final IndexedGraph lossless;
    private final Map<IndexedGraph, int[]> toTarget = new IdentityHashMap<>();
    private int target = -1;

    /**
     * @param graph      the version graph
     * @param blocked    the edges not to take, or {@link #NONE}
     * @param product    the product
     * @param source     where the plan starts, a known version or one range edges cover
     * @param allowLossy whether lossy edges may be taken
     */
    PlanSearch(VersionGraph graph, Predicate<GraphEdge> blocked, String product, String source, boolean allowLossy) {
        this.product = product;
        this.source = source;
        this.allowLossy = allowLossy;
        IndexedGraph g = graph.indexed(product, source).orElseThrow();
        this.all = blocked == NONE ? g : g.keeping(e -> !blocked.test(g.edge(e)));
        this.lossless = all.lossless();
    }

    String product() {
        return product;
    }

    String source() {
        return source;
    }

    boolean allowLossy() {
        return allowLossy;
    }

    /** @return the graph from the source, less the blocked edges */
    IndexedGraph all() {
        return all;
    }

    /** @return {@link #all} without its lossy edges */
    IndexedGraph lossless() {
        return lossless;
    }

    /** @return the graph the plan may use: {@link #all} when lossy steps are allowed, else {@link #lossless} */
    IndexedGraph usable() {
        return allowLossy ? all : lossless;
    }

    /**
     * @param g    one of this search's graphs
     * @param goal a vertex
     * @return each vertex's distance to {@code goal} in {@code g}, {@link #UNREACHABLE} where there is no path; searched
     *         once per graph while the goal stays the same
     */
    int[] distances(IndexedGraph g, int goal) {
        if (goal != target) {
            toTarget.clear();
            target = goal;
        }
        return toTarget.computeIfAbsent(g, x -> {
            int[] d = new int[x.vertexCount()];
            Arrays.fill(d, UNREACHABLE);
            BreadthFirstIterator<Integer, Integer> walk = new BreadthFirstIterator<>(new EdgeReversedGraph<>(x), goal);
            while (walk.hasNext()) {
                int v = walk.next();
                d[v] = walk.getDepth(v);
            }
            return d;
        });
    }
}
