package dev.verpath.engine.plan;

import dev.verpath.engine.graph.GraphEdge;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm.SingleSourcePaths;

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

    private final Graph<String, GraphEdge> graph;
    private final String target;
    private final Comparator<String> order;
    private final SingleSourcePaths<String, GraphEdge> toTarget;
    private final int wanted;
    private final List<String> skipped;
    private final List<List<String>> found = new ArrayList<>();
    private final List<String> path = new ArrayList<>();
    private final Set<String> onPath = new HashSet<>();

    private AlternativePaths(Graph<String, GraphEdge> graph, SingleSourcePaths<String, GraphEdge> toTarget, String target,
                             Comparator<String> order, int wanted, List<String> skipped) {
        this.graph = graph;
        this.target = target;
        this.order = order;
        this.toTarget = toTarget;
        this.wanted = wanted;
        this.skipped = skipped;
    }

    /**
     * @param graph    the graph
     * @param toTarget every version's distance to the target in the graph (a breadth-first search backwards)
     * @param source   where the paths start
     * @param target   where they end, another version than the source
     * @param maxSteps the most steps a path may have
     * @param wanted   how many paths to return at most
     * @param skipped  a path (its versions) to leave out, as the chosen one
     * @param order    semver order of the graph's versions
     * @return the paths as their versions from source to target, in plan order
     */
    static List<List<String>> first(Graph<String, GraphEdge> graph, SingleSourcePaths<String, GraphEdge> toTarget,
            String source, String target, int maxSteps, int wanted, List<String> skipped, Comparator<String> order) {
        AlternativePaths paths = new AlternativePaths(graph, toTarget, target, order, wanted, skipped);
        if (Double.isInfinite(paths.toTarget.getWeight(source))) {
            return List.of();
        }
        int fewest = (int) paths.toTarget.getWeight(source);
        for (int steps = fewest; steps <= maxSteps && paths.found.size() < wanted; steps++) {
            paths.walk(source, steps);
        }
        return List.copyOf(paths.found);
    }

    /**
     * Every path of exactly {@code steps} steps from the source to the target, smallest versions first, until enough
     * are found: a depth-first walk with a stack of the successors still to try at each version of the path (not a
     * recursion, so a chain of many thousand steps does not overflow the thread's stack).
     */
    private void walk(String source, int steps) {
        path.clear();
        onPath.clear();
        path.add(source);
        onPath.add(source);
        Deque<Iterator<String>> untried = new ArrayDeque<>();
        untried.push(successors(source, steps).iterator());
        while (!untried.isEmpty() && found.size() < wanted) {
            Iterator<String> next = untried.peek();
            if (!next.hasNext()) {
                untried.pop();
                onPath.remove(path.remove(path.size() - 1));
                continue;
            }
            String at = next.next();
            int left = steps - path.size();
            path.add(at);
            onPath.add(at);
            if (left == 0) {
                if (at.equals(target) && !path.equals(skipped)) {
                    found.add(List.copyOf(path));
                }
                onPath.remove(path.remove(path.size() - 1));
            } else {
                untried.push(successors(at, left).iterator());
            }
        }
    }

    /** @return the versions one step from {@code at}, off the path, from which the target is at most left - 1 away */
    private List<String> successors(String at, int left) {
        Set<String> next = new HashSet<>();
        for (GraphEdge edge : graph.outgoingEdgesOf(at)) {
            String to = edge.to();
            double distance = toTarget.getWeight(to);
            boolean ends = to.equals(target);
            if (!onPath.contains(to) && distance <= left - 1 && (!ends || left == 1)) {
                next.add(to);
            }
        }
        List<String> sorted = new ArrayList<>(next);
        sorted.sort(order);
        return sorted;
    }
}
