package dev.verpath.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verpath.engine.plan.FewestStepsPlanner;
import dev.verpath.engine.plan.MigrationPlan;
import dev.verpath.engine.plan.PlanStep;
import dev.verpath.rules.RuleKind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A graph read back from a store is the graph the rules make, or it is not used: a rule set whose {@code rules()} is not
 * the same under the same code is caught when the plan looks its rules up, and bytes that are not a graph are a miss.
 */
class KeptGraphCheckTest {

    /** A store in memory that counts what it was asked to keep. */
    private static final class MemoryStore implements GraphStore {
        private final Map<String, byte[]> kept = new HashMap<>();
        private int writes;

        @Override
        public Optional<ByteBuffer> find(String product) {
            return Optional.ofNullable(kept.get(product)).map(ByteBuffer::wrap);
        }

        @Override
        public void keep(String product, byte[] graph) {
            writes++;
            kept.put(product, graph);
        }
    }

    /** 1.0.0 to 1.0.5 one step at a time, shortcuts 1.0.0 -> 1.0.3 and 1.0.3 -> 1.0.5, rule ids as the {@code ids}. */
    private static TinyGraph chain(String shortcutTo, String... ids) {
        TinyGraph graph = TinyGraph.of("chain");
        for (int i = 0; i < 5; i++) {
            graph.rule(ids[i], RuleKind.CONFIG, "1.0." + i, "1.0." + (i + 1), false, List.of());
        }
        graph.rule(ids[5], RuleKind.CONFIG, "1.0.0", shortcutTo, false, List.of());
        return graph.rule(ids[6], RuleKind.DATA, "1.0.3", "1.0.5", false, List.of());
    }

    private static MigrationPlan plan(VersionGraph graph) {
        return new FewestStepsPlanner(graph).planTo("chain", "1.0.0", Optional.empty(), false);
    }

    private static List<String> described(MigrationPlan plan) {
        List<String> lines = new ArrayList<>();
        plan.steps().forEach(s -> lines.add(s.edgeFrom() + " -> " + s.to() + " " + s.rules().stream()
                .map(r -> r.descriptor().id()).toList() + (s.lossy() ? " lossy" : "")));
        plan.alternatives().forEach(a -> lines.add("or " + a));
        return lines;
    }

    private static final String[] IDS = {"a", "b", "c", "d", "e", "f", "g"};

    @Test
    void aGraphReadBackPlansAsTheFreshOne() {
        MemoryStore store = new MemoryStore();
        MigrationPlan fresh = plan(chain("1.0.3", IDS).registry().withGraphStore(store).graph());
        MigrationPlan read = plan(chain("1.0.3", IDS).registry().withGraphStore(store).graph());

        assertThat(store.writes).as("kept once, read back once").isEqualTo(1);
        assertThat(described(read)).isEqualTo(described(fresh)).startsWith("1.0.0 -> 1.0.3 [f]", "1.0.3 -> 1.0.5 [g]");
    }

    @Test
    void rulesThatMovedUnderTheSameCodeAreCaughtAndTheGraphBuiltFresh() {
        MemoryStore store = new MemoryStore();
        plan(chain("1.0.3", IDS).registry().withGraphStore(store).graph());
        // the same count of rules, but the shortcut's rule now leads elsewhere and two ids changed places
        String[] swapped = Arrays.copyOf(IDS, IDS.length);
        swapped[5] = "g";
        swapped[6] = "f";
        TinyGraph changed = chain("1.0.4", swapped);

        MigrationPlan read = plan(changed.registry().withGraphStore(store).graph());

        assertThat(described(read)).isEqualTo(described(plan(changed.graph())));
        assertThat(store.writes).as("the stale graph was replaced by the fresh one").isEqualTo(2);
        assertThat(read.steps()).extracting(PlanStep::to).containsExactly("1.0.4", "1.0.5");
    }

    @Test
    void rulePlacesBeyondTheLoadedRulesAreCaughtAndTheGraphBuiltFresh() {
        MemoryStore store = new MemoryStore();
        plan(chain("1.0.3", IDS).registry().withGraphStore(store).graph());
        // fewer rules than the index names: the shortcuts' rules (the last places) are gone
        TinyGraph fewer = TinyGraph.of("chain");
        for (int i = 0; i < 5; i++) {
            fewer.rule(IDS[i], RuleKind.CONFIG, "1.0." + i, "1.0." + (i + 1), false, List.of());
        }

        MigrationPlan read = plan(fewer.registry().withGraphStore(store).graph());

        assertThat(described(read)).isEqualTo(described(plan(fewer.graph())));
        assertThat(store.writes).as("the stale graph was replaced by the fresh one").isEqualTo(2);
        assertThat(read.steps()).hasSize(5);
    }

    @Test
    void bytesThatAreNoGraphAreAMiss() {
        MemoryStore store = new MemoryStore();
        MigrationPlan fresh = plan(chain("1.0.3", IDS).registry().withGraphStore(store).graph());
        byte[] whole = store.kept.get("chain");
        for (byte[] bad : List.of(Arrays.copyOf(whole, whole.length / 2), new byte[0], foreignFormat(whole))) {
            store.kept.put("chain", bad);
            assertThat(CompiledGraph.read(ByteBuffer.wrap(bad))).isEmpty();
            assertThat(described(plan(chain("1.0.3", IDS).registry().withGraphStore(store).graph())))
                    .isEqualTo(described(fresh));
        }
        assertThat(store.writes).as("each miss built the graph again and kept it").isEqualTo(4);
    }

    @Test
    void readsAGraphInTheMiddleOfALargerBuffer() {
        MemoryStore store = new MemoryStore();
        chain("1.0.3", IDS).registry().withGraphStore(store).graph().versions("chain");
        byte[] whole = store.kept.get("chain");
        byte[] framed = new byte[whole.length + 7];
        System.arraycopy(whole, 0, framed, 5, whole.length);
        ByteBuffer middle = ByteBuffer.wrap(framed, 5, whole.length).slice();

        assertThat(CompiledGraph.read(middle).map(g -> List.of(g.versions()))).contains(List.of(
                "1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0.4", "1.0.5"));
        assertThat(CompiledGraph.read(ByteBuffer.wrap(framed, 5, whole.length + 1))).as("a byte too many").isEmpty();
    }

    private static byte[] foreignFormat(byte[] bytes) {
        byte[] other = bytes.clone();
        other[3] = (byte) (CompiledGraph.FORMAT + 1);
        return other;
    }
}
