package dev.verpath.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verpath.engine.graph.GraphEdge;
import dev.verpath.engine.graph.IndexedGraph;
import dev.verpath.engine.graph.TinyGraph;
import dev.verpath.engine.graph.VersionGraph;
import dev.verpath.engine.graph.VersionText;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm.SingleSourcePaths;
import org.jgrapht.alg.shortestpath.AllDirectedPaths;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.EdgeReversedGraph;
import org.junit.jupiter.api.Test;

/**
 * The alternatives found without listing every path are the ones the planner listed before: every simple path of at
 * most the allowed length (JGraphT's AllDirectedPaths), distinct as version lists, sorted by length then semver order,
 * the first few. Checked on random graphs with parallel edges (a version edge beside a range edge) and cycles.
 */
class AlternativePathsTest {

    /** Plan order of paths given as their versions: fewer steps first, then the smallest versions in semver order. */
    static final Comparator<List<String>> PATH_ORDER = Comparator.<List<String>>comparingInt(List::size)
            .thenComparing((a, b) -> {
                for (int i = 0; i < a.size(); i++) {
                    int c = VersionText.compare(a.get(i), b.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            });

    @Test
    void findsTheSamePathsAsSortingEverySimplePath() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            int size = 6 + random.nextInt(14);
            TinyGraph tiny = TinyGraph.of("p");
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    if (i != j && random.nextInt(size) < (j > i ? 3 : 1)) {
                        tiny.edge("1." + i + ".0", "1." + j + ".0");
                    }
                }
            }
            tiny.edge(">=1.0.0 <1." + size / 2 + ".0", "1." + (size - 1) + ".0");
            VersionGraph graph = tiny.graph();
            List<String> versions = graph.versions("p");
            String source = versions.get(0);
            String target = versions.get(versions.size() - 1);
            Graph<String, GraphEdge> g = graph.graph("p").orElseThrow();
            SingleSourcePaths<String, GraphEdge> toTarget = new BFSShortestPath<>(new EdgeReversedGraph<>(g)).getPaths(target);
            if (Double.isInfinite(toTarget.getWeight(source))) {
                continue;
            }
            int fewest = (int) toTarget.getWeight(source);
            List<List<String>> every = everyPath(g, source, target, fewest + 2);
            List<String> chosen = every.get(random.nextInt(Math.min(3, every.size())));

            IndexedGraph indexed = graph.indexed("p", source).orElseThrow();
            int[] distances = new int[indexed.vertexCount()];
            for (int v = 0; v < distances.length; v++) {
                double d = toTarget.getWeight(indexed.version(v));
                distances[v] = Double.isInfinite(d) ? Integer.MAX_VALUE : (int) d;
            }

            List<List<String>> found = AlternativePaths.first(indexed, distances, indexed.vertex(source),
                    indexed.vertex(target), fewest + 2, 5, chosen);

            assertThat(found).as("seed %d", seed)
                    .isEqualTo(every.stream().filter(p -> !p.equals(chosen)).limit(5).toList());
        }
    }

    private static List<List<String>> everyPath(Graph<String, GraphEdge> g, String source, String target, int maxSteps) {
        return new AllDirectedPaths<>(g).getAllPaths(source, target, true, maxSteps).stream()
                .map(GraphPath::getVertexList).map(List::copyOf).distinct().sorted(PATH_ORDER).toList();
    }
}
