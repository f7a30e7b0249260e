package dev.verpath.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verpath.engine.graph.GraphStore;
import dev.verpath.engine.graph.VersionGraph;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.reuse.KeptGraphs;
import dev.verpath.engine.settings.EngineSettings;
import java.nio.file.Files;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LargeGraphPlanTest}'s exact plans, from the graph a first run kept in the user's cache ({@link KeptGraphs}) and
 * a second run read back: the same steps, ties, alternatives and edges, and nothing built again.
 */
class LargeGraphFromIndexPlanTest extends LargeGraphPlanTest {

    @TempDir
    static Path cache;

    private static VersionGraph fromIndex;
    private static final List<String> KEPT = new ArrayList<>();

    /** A store that tells which products it was asked to keep: a graph built fresh is kept, one read back is not. */
    private record Counting(GraphStore store) implements GraphStore {
        @Override
        public Optional<ByteBuffer> find(String product) {
            return store.find(product);
        }

        @Override
        public void keep(String product, byte[] graph) {
            KEPT.add(product);
            store.keep(product, graph);
        }
    }

    @BeforeAll
    static void keepThenRead() throws Exception {
        RuleRegistry registry = atlas().registry();
        VersionGraph first = registry.withGraphStore(store(registry)).graph();
        assertThat(first.versions("atlas")).hasSize(10_000);
        assertThat(KEPT).containsExactly("atlas");
        try (var files = Files.list(cache.resolve("verpath/graphs"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".graph"))).hasSize(1);
        }
        KEPT.clear();
        RuleRegistry again = atlas().registry(); // a new run: new rule objects, the same code
        fromIndex = again.withGraphStore(store(again)).graph();
    }

    private static GraphStore store(RuleRegistry registry) {
        return new Counting(KeptGraphs.open(EngineSettings.defaults(), registry, Optional.of(cache)));
    }

    @AfterAll
    static void nothingWasBuiltAgain() {
        assertThat(KEPT).as("the graph read back was neither built again nor found stale").isEmpty();
    }

    @Override
    VersionGraph graph() {
        return fromIndex;
    }

    @Test
    void readsTheGraphBackWithoutBuildingIt() {
        assertThat(graph().versions("atlas")).hasSize(10_000);
        assertThat(KEPT).isEmpty();
    }
}
