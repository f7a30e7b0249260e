package dev.verpath.engine.plan;

import dev.verpath.engine.graph.IndexedGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;

/**
 * The first simple paths from a source to a target in plan order: fewest steps first, then the lexicographically
 * smallest sequence of versions (semver order); paths that differ only in which of two parallel edges they take are
 * one path. The same list as sorting every simple path of at most the given length (JGraphT's
 * {@code AllDirectedPaths}), without listing them all: each version's distance to the target (a breadth-first search
 * backwards from it, which the planner has made already) prunes the search. For each length in turn, a depth-first
 * walk takes the successors in version order, only those that can still reach the target in the steps left, and
 * stops once enough paths are found. Each path found costs O(L·d log d) for L steps and out-degree d, plus the walks
 * into versions from which no path of exactly the steps left exists. Not thread-safe; one use.
 */
final class AlternativePaths {

    private final IndexedGraph graph;
    private final int target;
    private final int[] toTarget;
    private final int wanted;
    private final List<String> skipped;
    private final List<List<String>> found = new ArrayList<>();
    private final List<Integer> path = new ArrayList<>();
    private final boolean[] onPath;

    private AlternativePaths(IndexedGraph graph, int[] toTarget, int target, int wanted, List<String> skipped) {
        this.graph = graph;
        this.target = target;
        this.toTarget = toTarget;
        this.wanted = wanted;
        this.skipped = skipped;
        this.onPath = new boolean[graph.vertexCount()];
    }

    /**
     * @param graph    the graph, whose vertices compare as their versions do (ranks), the source aside
     * @param toTarget every vertex's distance to the target in the graph (a breadth-first search backwards), a number
     *                 larger than any path where there is none
     * @param source   where the paths start
     * @param target   where they end, another vertex than the source
     * @param maxSteps the most steps a path may have
     * @param wanted   how many paths to return at most
     * @param skipped  a path (its versions) to leave out, as the chosen one
     * @return the paths as their versions from source to target, in plan order
     */
    static List<List<String>> first(IndexedGraph graph, int[] toTarget, int source, int target, int maxSteps, int wanted,
                                    List<String> skipped) {
        AlternativePaths paths = new AlternativePaths(graph, toTarget, target, wanted, skipped);
        if (toTarget[source] > maxSteps) {
            return List.of();
        }
        for (int steps = toTarget[source]; steps <= maxSteps && paths.found.size() < wanted; steps++) {
            paths.walk(source, steps);
        }
        return List.copyOf(paths.found);
    }

    /**
     * Every path of exactly {@code steps} steps from the source to the target, smallest versions first, until enough
     * are found: a depth-first walk with a stack of the successors still to try at each version of the path (not a
     * recursion, so a chain of many thousand steps does not overflow the thread's stack).
     */
    private void walk(int source, int steps) {
        path.clear();
        Arrays.fill(onPath, false);
        path.add(source);
        onPath[source] = true;
        Deque<PrimitiveIterator.OfInt> untried = new ArrayDeque<>();
        untried.push(successors(source, steps));
        while (!untried.isEmpty() && found.size() < wanted) {
            PrimitiveIterator.OfInt next = untried.peek();
            if (!next.hasNext()) {
                untried.pop();
                onPath[path.remove(path.size() - 1)] = false;
                continue;
            }
            int at = next.nextInt();
            int left = steps - path.size();
            path.add(at);
            onPath[at] = true;
            if (left == 0) {
                List<String> versions = path.stream().map(graph::version).toList();
                if (at == target && !versions.equals(skipped)) {
                    found.add(versions);
                }
                onPath[path.remove(path.size() - 1)] = false;
            } else {
                untried.push(successors(at, left));
            }
        }
    }

    /** @return the vertices one step from {@code at}, off the path, from which the target is at most left - 1 away */
    private PrimitiveIterator.OfInt successors(int at, int left) {
        IntStream.Builder next = IntStream.builder();
        for (int edge : graph.outgoingEdgesOf(at)) {
            int to = graph.targetOf(edge);
            if (!onPath[to] && toTarget[to] <= left - 1 && (to != target || left == 1)) {
                next.add(to);
            }
        }
        return next.build().sorted().distinct().iterator();
    }

    /**
     * Looks up the rules of every edge along a path shown, so that a graph read from an index checks them
     * ({@code GraphIndexMismatch} when they are not the loaded ones).
     *
     * @param g        the graph the path was found in
     * @param versions the path's versions
     */
    static void lookUpRules(IndexedGraph g, List<String> versions) {
        for (int i = 1; i < versions.size(); i++) {
            g.getAllEdges(g.vertex(versions.get(i - 1)), g.vertex(versions.get(i))).forEach(g::edge);
        }
    }
}
