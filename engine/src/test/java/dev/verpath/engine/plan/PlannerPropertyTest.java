package dev.verpath.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.verpath.engine.failure.NoPathFailure;
import dev.verpath.engine.graph.GraphEdge;
import dev.verpath.engine.graph.TinyGraph;
import dev.verpath.engine.graph.VersionGraph;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.AllDirectedPaths;
import org.junit.jupiter.api.Test;

/**
 * The planner against a reference that lists every simple path (JGraphT's AllDirectedPaths on the graph of version
 * texts) and applies the documented tie rules: fewest steps; without lossy steps when such a path is as short (and
 * only such paths when lossy steps are not allowed); then the smallest sequence of versions in semver order. On random
 * graphs with parallel edges (a version edge beside a range edge), lossy edges, down edges and cycles, from a known
 * version and from a version only a range covers.
 */
class PlannerPropertyTest {

    private static final Comparator<List<String>> VERSIONS = AlternativePathsTest.PATH_ORDER;

    @Test
    void choosesThePathTheTieRulesName() {
        int planned = 0;
        for (int seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            int size = 5 + random.nextInt(9);
            TinyGraph tiny = TinyGraph.of("p");
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    int odds = random.nextInt(size * 2);
                    if (i != j && odds < (j > i ? 4 : 1)) {
                        if (random.nextInt(5) == 0) {
                            tiny.lossy("1." + i + ".0", "1." + j + ".0");
                        } else {
                            tiny.edge("1." + i + ".0", "1." + j + ".0");
                        }
                    }
                }
            }
            tiny.edge(">=1.0.0 <1." + (size / 2) + ".0", "1." + (size - 1) + ".0");
            VersionGraph graph = tiny.graph();
            List<String> versions = graph.versions("p");
            String target = versions.get(versions.size() - 1);
            for (String source : List.of(versions.get(0), "1.0.5")) {
                for (boolean allowLossy : new boolean[] {false, true}) {
                    Optional<List<String>> expected = reference(graph, source, target, allowLossy);
                    FewestStepsPlanner planner = new FewestStepsPlanner(graph);
                    if (expected.isEmpty()) {
                        assertThat(catchThrowable(() -> planner.plan("p", source, target, allowLossy)))
                                .as("seed %d from %s", seed, source).isInstanceOf(NoPathFailure.class);
                        continue;
                    }
                    MigrationPlan plan = planner.plan("p", source, target, allowLossy);
                    List<String> found = new java.util.ArrayList<>(List.of(plan.from()));
                    plan.steps().forEach(s -> found.add(s.to()));
                    assertThat(found).as("seed %d from %s, lossy %s", seed, source, allowLossy).isEqualTo(expected.get());
                    planned++;
                }
            }
        }
        assertThat(planned).as("graphs with a path").isGreaterThan(400);
    }

    /** Every simple path in the graph, with the source's range edges for a version the graph lacks. */
    private static Optional<List<String>> reference(VersionGraph graph, String source, String target, boolean allowLossy) {
        Graph<String, GraphEdge> g = new org.jgrapht.graph.DirectedMultigraph<>(GraphEdge.class);
        org.jgrapht.Graphs.addGraph(g, graph.graph("p").orElseThrow());
        if (!g.containsVertex(source)) {
            g.addVertex(source);
            graph.edgesFrom("p", source).forEach(e -> g.addEdge(source, e.to(), e));
        }
        List<GraphPath<String, GraphEdge>> every = new AllDirectedPaths<>(g).getAllPaths(source, target, true, null);
        Optional<List<String>> lossless = every.stream().filter(p -> p.getEdgeList().stream().noneMatch(GraphEdge::lossy))
                .map(GraphPath::getVertexList).min(VERSIONS);
        if (!allowLossy) {
            return lossless;
        }
        Optional<List<String>> any = every.stream().map(GraphPath::getVertexList).min(VERSIONS);
        return lossless.isPresent() && lossless.get().size() <= any.orElseThrow().size() ? lossless : any;
    }
}
