package dev.verpath.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.EdgeReversedGraph;
import org.junit.jupiter.api.Test;

/**
 * The graph of ranks the planner searches is the graph of version texts: the same vertices in semver order, the same
 * edges in EDGE_ORDER, the same adjacency both ways, the same distances under JGraphT's searches, in its lossless part
 * and from a version only ranges cover.
 */
class IndexedGraphTest {

    @Test
    void isTheGraphOfVersionTextsInNumbers() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            int size = 4 + random.nextInt(12);
            TinyGraph tiny = TinyGraph.of("p");
            Set<String> pairs = new HashSet<>();
            for (int i = 0; i < size * 3; i++) {
                String from = "2." + random.nextInt(size) + ".0" + (random.nextInt(6) == 0 ? "-rc.1" : "");
                String to = "2." + random.nextInt(size) + ".0";
                if (!from.equals(to) && pairs.add(from + " " + to)) {
                    if (random.nextBoolean()) {
                        tiny.edge(from, to);
                    } else {
                        tiny.lossy(from, to);
                    }
                }
            }
            tiny.edge(">=2.0.0 <2." + size / 2 + ".0", "2." + (size - 1) + ".0");
            VersionGraph graph = tiny.graph();
            Graph<String, GraphEdge> texts = graph.graph("p").orElseThrow();
            IndexedGraph indexed = graph.indexed("p", graph.versions("p").get(0)).orElseThrow();

            assertThat(versions(indexed)).as("seed %d", seed).isEqualTo(graph.versions("p"));
            List<GraphEdge> edges = new ArrayList<>();
            indexed.edgeSet().forEach(e -> edges.add(indexed.edge(e)));
            assertThat(edges).isEqualTo(graph.edges("p")).isSortedAccordingTo(VersionGraph.EDGE_ORDER);
            for (int v = 0; v < indexed.vertexCount(); v++) {
                String version = indexed.version(v);
                assertThat(indexed.vertex(version)).isEqualTo(v);
                assertThat(edgesOf(indexed, indexed.outgoingEdgesOf(v))).isEqualTo(Set.copyOf(texts.outgoingEdgesOf(version)));
                assertThat(edgesOf(indexed, indexed.incomingEdgesOf(v))).isEqualTo(Set.copyOf(texts.incomingEdgesOf(version)));
                assertThat(indexed.edgesOf(v)).hasSize(indexed.inDegreeOf(v) + indexed.outDegreeOf(v));
            }
            IndexedGraph lossless = indexed.lossless();
            assertThat(edgesOf(lossless, lossless.edgeSet())).allMatch(e -> !e.lossy())
                    .hasSize((int) texts.edgeSet().stream().filter(e -> !e.lossy()).count());
            String target = graph.versions("p").get(graph.versions("p").size() - 1);
            var byText = new BFSShortestPath<>(new EdgeReversedGraph<>(texts)).getPaths(target);
            var byRank = new BFSShortestPath<>(new EdgeReversedGraph<>(indexed)).getPaths(indexed.vertex(target));
            for (int v = 0; v < indexed.vertexCount(); v++) {
                assertThat(byRank.getWeight(v)).isEqualTo(byText.getWeight(indexed.version(v)));
            }
        }
    }

    @Test
    void aVersionOnlyRangesCoverIsOneMoreVertexWithTheirEdges() {
        VersionGraph graph = TinyGraph.of("p").edge("1.0.0", "2.0.0").edge(">=1.0.0 <2.0.0", "3.0.0")
                .lossy(">=1.1.0 <1.9.0", "2.0.0").graph();
        IndexedGraph from = graph.indexed("p", "1.5.0").orElseThrow();

        assertThat(from.vertexCount()).isEqualTo(graph.versions("p").size() + 1);
        int source = from.vertex("1.5.0");
        assertThat(source).isEqualTo(graph.versions("p").size());
        assertThat(from.version(source)).isEqualTo("1.5.0");
        assertThat(from.incomingEdgesOf(source)).isEmpty();
        assertThat(from.outgoingEdgesOf(source)).extracting(e -> from.edge(e).to() + " from " + from.edge(e).declaredFrom())
                .containsExactly("2.0.0 from >=1.1.0 <1.9.0", "3.0.0 from >=1.0.0 <2.0.0");
        assertThat(from.lossless().outgoingEdgesOf(source)).extracting(e -> from.edge(e).to()).containsExactly("3.0.0");
        assertThat(graph.indexed("p", "1.0.0").orElseThrow().vertexCount()).isEqualTo(graph.versions("p").size());
        assertThat(graph.indexed("nope", "1.0.0")).isEmpty();
    }

    private static List<String> versions(IndexedGraph g) {
        List<String> list = new ArrayList<>();
        g.vertexSet().forEach(v -> list.add(g.version(v)));
        return list;
    }

    private static Set<GraphEdge> edgesOf(IndexedGraph g, Set<Integer> ids) {
        Set<GraphEdge> set = new HashSet<>();
        ids.forEach(e -> {
            assertThat(g.containsEdge(e)).isTrue();
            set.add(g.edge(e));
        });
        return set;
    }
}
