package dev.verpath.builtin.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldEditTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode record(String json) throws Exception {
        return (ObjectNode) MAPPER.readTree(json);
    }

    @Test
    void putsTheNewFieldWhereTheFirstOfTwoStoodWhicheverThatIs() throws Exception {
        ObjectNode promptFirst = record("{\"a\":1,\"p\":2,\"b\":3,\"c\":4}");
        FieldEdit.start().replaceFirstOf("p", "c", "u", IntNode.valueOf(9)).apply(promptFirst);
        assertThat(promptFirst.toString()).isEqualTo("{\"a\":1,\"u\":9,\"b\":3}");
        ObjectNode completionFirst = record("{\"c\":4,\"a\":1,\"p\":2}");
        FieldEdit.start().replaceFirstOf("p", "c", "u", IntNode.valueOf(9)).apply(completionFirst);
        assertThat(completionFirst.toString()).isEqualTo("{\"u\":9,\"a\":1}");
    }

    @Test
    void replacesRemovesAndSplicesInOnePass() throws Exception {
        ObjectNode record = record("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5}");
        Map<String, com.fasterxml.jackson.databind.JsonNode> splice = new LinkedHashMap<>();
        splice.put("x", IntNode.valueOf(7));
        splice.put("y", IntNode.valueOf(8));
        FieldEdit.start().replace("b", "bb", IntNode.valueOf(20)).remove("d").splice("a", splice).remove("e").apply(record);
        assertThat(record.toString()).isEqualTo("{\"x\":7,\"y\":8,\"bb\":20,\"c\":3}");
    }

    @Test
    void startsEmptyAgainForTheNextRecordEvenAfterAnUnappliedEdit() throws Exception {
        FieldEdit.start().remove("a").remove("b").remove("c").remove("d").remove("e");
        ObjectNode record = record("{\"a\":1,\"b\":2}");
        FieldEdit.start().replace("b", "c", IntNode.valueOf(3)).apply(record);
        assertThat(record.toString()).isEqualTo("{\"a\":1,\"c\":3}");
        ObjectNode wide = record("{\"f0\":0,\"f1\":1,\"f2\":2,\"f3\":3,\"f4\":4,\"f5\":5,\"f6\":6,\"f7\":7,\"f8\":8,"
                + "\"f9\":9,\"f10\":10,\"f11\":11,\"f12\":12,\"f13\":13,\"f14\":14,\"f15\":15,\"f16\":16,\"f17\":17}");
        FieldEdit.start().remove("f0").remove("f17").apply(wide);
        assertThat(wide.size()).isEqualTo(16);
        assertThat(wide.fieldNames().next()).isEqualTo("f1");
    }
}
