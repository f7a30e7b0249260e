package dev.verpath.engine.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldMapTest {

    private static ObjectNode object() {
        return new ObjectNode(JsonNodeFactory.instance, new FieldMap());
    }

    @Test
    void behavesLikeALinkedHashMapThroughObjectNode() {
        ObjectNode ours = object();
        ObjectNode reference = JsonNodeFactory.instance.objectNode();
        for (ObjectNode node : new ObjectNode[] {ours, reference}) {
            for (int i = 0; i < 40; i++) {
                node.put("k" + (i * 7 % 40), i);
            }
            node.put("k3", -1);
            node.remove("k10");
            node.remove(java.util.List.of("k20", "k21"));
            node.put("k10", 99);
            node.retain("k1", "k3", "k5", "k10", "k39", "k0");
        }
        assertThat(ours.toString()).isEqualTo(reference.toString());
        assertThat(ours).isEqualTo(reference);
        assertThat(ours.get("k39").asInt()).isEqualTo(reference.get("k39").asInt());
        assertThat(ours.has("k2")).isFalse();
    }

    @Test
    void keepsThePositionOfAReplacedValueAndClosesTheGapOfARemovedOne() {
        ObjectNode node = object();
        node.put("a", 1).put("b", 2).put("c", 3);
        node.put("b", 20);
        assertThat(node.toString()).isEqualTo("{\"a\":1,\"b\":20,\"c\":3}");
        node.remove("a");
        node.put("d", 4);
        assertThat(node.toString()).isEqualTo("{\"b\":20,\"c\":3,\"d\":4}");
        node.removeAll();
        assertThat(node.isEmpty()).isTrue();
        node.put("e", 5);
        assertThat(node.toString()).isEqualTo("{\"e\":5}");
    }

    @Test
    void removesAndUpdatesThroughItsEntryIterator() {
        FieldMap map = new FieldMap();
        for (int i = 0; i < 20; i++) {
            map.put("f" + i, IntNode.valueOf(i));
        }
        Iterator<Map.Entry<String, JsonNode>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().asInt() % 2 == 0) {
                it.remove();
            } else {
                entry.setValue(IntNode.valueOf(-entry.getValue().asInt()));
            }
        }
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        for (int i = 1; i < 20; i += 2) {
            expected.put("f" + i, IntNode.valueOf(-i));
        }
        assertThat(map).containsExactlyEntriesOf(expected);
        assertThat(map.get(new String("f19".toCharArray()))).isEqualTo(IntNode.valueOf(-19));
        assertThat(map.get("f2")).isNull();
    }

    @Test
    void findsKeysByTextAfterRemovalsAndRefusesAbsentOnes() {
        ObjectNode node = object();
        java.util.Random random = new java.util.Random(5);
        Map<String, Integer> reference = new LinkedHashMap<>();
        for (int i = 0; i < 5_000; i++) {
            // new String: equal text, another instance, so the lookup cannot stop at the same instance
            String key = new String("f" + random.nextInt(14));
            if (random.nextInt(3) == 0) {
                assertThat(node.remove(key) != null).isEqualTo(reference.remove(key) != null);
            } else if (random.nextBoolean()) {
                node.put(key, i);
                reference.put(key, i);
            }
            String probe = new String("f" + random.nextInt(20));
            assertThat(node.has(probe)).as(probe).isEqualTo(reference.containsKey(probe));
        }
        assertThat(node.size()).isEqualTo(reference.size());
        reference.forEach((key, value) -> assertThat(node.get(key).asInt()).isEqualTo(value));
    }

    @Test
    void givesObjectsARuleMakesTheSameFieldMap() {
        ObjectNode made = RecordNodes.INSTANCE.objectNode();
        for (int i = 0; i < 10; i++) {
            made.put("m" + i, i);
        }
        made.remove("m0");
        assertThat(made.toString()).isEqualTo("{\"m1\":1,\"m2\":2,\"m3\":3,\"m4\":4,\"m5\":5,\"m6\":6,\"m7\":7,"
                + "\"m8\":8,\"m9\":9}");
        StringBuilder visited = new StringBuilder();
        made.forEachEntry((key, value) -> visited.append(key));
        assertThat(visited).hasToString("m1m2m3m4m5m6m7m8m9");
    }
}
