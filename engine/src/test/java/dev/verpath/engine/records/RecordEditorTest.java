package dev.verpath.engine.records;

import dev.verpath.rules.RecordEdit;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Record edits and the record view on real lines: what changes, and that nothing else does, byte for byte. */
class RecordEditorTest {

    private final EditedLines lines = new EditedLines();
    private final List<String> warnings = lines.warnings();

    private static LazyRecord record(String line) throws IOException {
        return EditedLines.record(line);
    }

    private String edited(String line, RecordEdit... edits) throws IOException {
        return lines.edited(line, edits);
    }

    private static String written(LazyRecord record) throws IOException {
        return EditedLines.written(record);
    }

    @Test
    void aRecordNoEditTouchesIsWrittenExactlyAsRead() throws IOException {
        String line = "{ \"a\" : 1.50 , \"b\":\"caf\\u00e9\", \"c\":[1e3,-0], \"a\":2 }";

        assertThat(edited(line, RecordEdit.rename("missing", "other"), RecordEdit.remove("x.y"))).isEqualTo(line);
    }

    @Test
    void untouchedFieldsKeepTheirBytesWhenOthersChange() throws IOException {
        String line = "{\"n\":\"caf\\u00e9 \\/\",\"big\":123456789012345678901234567890,\"f\":1E-7,\"ts\":5,\"z\":-0}";

        assertThat(edited(line, RecordEdit.rename("ts", "timestamp"), RecordEdit.set("v", JsonValue.of(2))))
                .isEqualTo("{\"n\":\"caf\\u00e9 \\/\",\"big\":123456789012345678901234567890,\"f\":1E-7,\"timestamp\":5,"
                        + "\"z\":-0,\"v\":2}");
    }

    @Test
    void anEditOfANameSetTwiceMakesItOneFieldWithTheLastValueInTheFirstPlace() throws IOException {
        assertThat(edited("{\"ts\":1,\"a\":0,\"ts\":2}", RecordEdit.rename("ts", "timestamp")))
                .isEqualTo("{\"timestamp\":2,\"a\":0}");
        assertThat(edited("{\"p\":1,\"x\":0,\"p\":2}", RecordEdit.moveInto("u", "p")))
                .isEqualTo("{\"u\":{\"p\":2},\"x\":0}");
        assertThat(edited("{\"d\":1,\"d\":2,\"k\":3}", RecordEdit.remove("d"))).isEqualTo("{\"k\":3}");
        assertThat(edited("{\"d\":1,\"d\":2}", RecordEdit.set("e", JsonValue.of(0)))).isEqualTo("{\"d\":1,\"d\":2,\"e\":0}");
    }

    @Test
    void aRenameOntoAFieldThatIsSetDropsTheOldOneWithAWarning() throws IOException {
        assertThat(edited("{\"ts\":1,\"timestamp\":\"x\"}", RecordEdit.rename("ts", "timestamp")))
                .isEqualTo("{\"timestamp\":\"x\"}");
        assertThat(warnings).containsExactly("data/a.jsonl: line 7: field ts dropped: timestamp is already set and wins");
    }

    @Test
    void aRenameIntoAnObjectCreatesItWhereTheFieldStoodOrAppendsToIt() throws IOException {
        assertThat(edited("{\"a\":1,\"client_ip\":\"10.0.0.1\",\"b\":2}", RecordEdit.rename("client_ip", "client.ip")))
                .isEqualTo("{\"a\":1,\"client\":{\"ip\":\"10.0.0.1\"},\"b\":2}");
        assertThat(edited("{\"client\":{\"port\":80},\"client_ip\":\"h\"}", RecordEdit.rename("client_ip", "client.ip")))
                .isEqualTo("{\"client\":{\"port\":80,\"ip\":\"h\"}}");
        assertThat(edited("{\"client\":{\"addr\": \"h\" ,\"port\":80}}", RecordEdit.rename("client.addr", "client.ip")))
                .isEqualTo("{\"client\":{\"ip\": \"h\" ,\"port\":80}}");
    }

    @Test
    void moveIntoCreatesTheObjectAtTheFirstFieldWithThoseThatArePresent() throws IOException {
        RecordEdit usage = RecordEdit.moveInto("usage", "prompt_tokens", "completion_tokens");

        assertThat(edited("{\"id\":1,\"completion_tokens\":3,\"x\":0,\"prompt_tokens\":2}", usage))
                .isEqualTo("{\"id\":1,\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":3},\"x\":0}");
        assertThat(edited("{\"id\":1,\"prompt_tokens\":2}", usage)).isEqualTo("{\"id\":1,\"usage\":{\"prompt_tokens\":2}}");
        assertThat(edited("{\"id\":1}", usage)).isEqualTo("{\"id\":1}");
    }

    @Test
    void moveIntoAnObjectThatHasTheFieldKeepsItsAndWarns() throws IOException {
        assertThat(edited("{\"usage\":{\"prompt_tokens\":9},\"prompt_tokens\":2,\"completion_tokens\":3}",
                RecordEdit.moveInto("usage", "prompt_tokens", "completion_tokens")))
                .isEqualTo("{\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3}}");
        assertThat(warnings).containsExactly(
                "data/a.jsonl: line 7: field prompt_tokens dropped: usage.prompt_tokens is already set and wins");
    }

    @Test
    void moveIntoSomethingThatIsNotAnObjectFailsNamingTheField() throws IOException {
        assertThatThrownBy(() -> edited("{\"usage\":[1],\"prompt_tokens\":2}", RecordEdit.moveInto("usage", "prompt_tokens")))
                .isInstanceOf(RuleFailure.class).hasMessage("field usage is not an object: [1]");
    }

    @Test
    void moveOutPutsTheFieldBeforeItsObjectAndRemovesTheObjectWhenEmpty() throws IOException {
        assertThat(edited("{\"a\":0,\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":3},\"b\":1}",
                RecordEdit.moveOut("usage.prompt_tokens"), RecordEdit.moveOut("usage.completion_tokens")))
                .isEqualTo("{\"a\":0,\"prompt_tokens\":2,\"completion_tokens\":3,\"b\":1}");
        assertThat(edited("{\"metrics\":{\"latency_ms\":5,\"other\":1}}", RecordEdit.moveOut("metrics.latency_ms")))
                .isEqualTo("{\"latency_ms\":5,\"metrics\":{\"other\":1}}");
        assertThat(edited("{\"latency_ms\":4,\"metrics\":{\"latency_ms\":5}}", RecordEdit.moveOut("metrics.latency_ms")))
                .isEqualTo("{\"latency_ms\":4}");
        assertThat(warnings).containsExactly(
                "data/a.jsonl: line 7: field metrics.latency_ms dropped: latency_ms is already set and wins");
    }

    @Test
    void setWritesInPlaceOrAtTheEndCreatingObjectsAndSetIfAbsentLeavesAValue() throws IOException {
        assertThat(edited("{\"schema_version\":1,\"a\":2}", RecordEdit.set("schema_version", JsonValue.of(2))))
                .isEqualTo("{\"schema_version\":2,\"a\":2}");
        assertThat(edited("{\"a\":2}", RecordEdit.set("m.t.x", JsonValue.of(true))))
                .isEqualTo("{\"a\":2,\"m\":{\"t\":{\"x\":true}}}");
        assertThat(edited("{\"m\":{\"t\":1}}", RecordEdit.setIfAbsent("m.t", JsonValue.of(2)),
                RecordEdit.setIfAbsent("m.u", List.of("m.t"), (r, c) -> r.get("m.t").orElseThrow())))
                .isEqualTo("{\"m\":{\"t\":1,\"u\":1}}");
    }

    @Test
    void mapReplacesAValueInPlaceAndSkipsAMissingField() throws IOException {
        RecordEdit twice = RecordEdit.map("n", (v, c) -> JsonValue.of(((JsonNumber) v).longValue() * 2));

        assertThat(edited("{\"n\":21,\"k\":\"\\u0041\"}", twice)).isEqualTo("{\"n\":42,\"k\":\"\\u0041\"}");
        assertThat(edited("{\"k\":1}", twice)).isEqualTo("{\"k\":1}");
    }

    @Test
    void theViewReadsNestedValuesAndEditsInPlace() throws IOException {
        LazyRecord record = record("{\"a\":{\"b\":{\"c\":\"x\\ty\"}},\"n\":1e3,\"d\":1,\"d\":2}");

        assertThat(record.get("a.b.c")).contains(JsonValue.of("x\ty"));
        assertThat(record.get("n")).contains(new JsonNumber("1e3"));
        assertThat(record.get("d")).contains(JsonValue.of(2));
        assertThat(record.get("a.b.c.deeper")).isEmpty();
        assertThat(record.fieldNames()).containsExactly("a", "n", "d", "d");
        record.insertBefore("n", "m", JsonValue.of("new"));
        record.insertAfter("a.b.c", "c2", JsonObject.EMPTY);
        assertThat(record.move("n", "a.n", Optional.of("a.b"))).isTrue();
        assertThat(record.remove("d")).contains(JsonValue.of(2));

        assertThat(written(record)).isEqualTo("{\"a\":{\"n\":1e3,\"b\":{\"c\":\"x\\ty\",\"c2\":{}}},\"m\":\"new\"}");
    }

    @Test
    void aLineThatIsNotOneObjectIsRefusedSayingWhat() {
        assertThatThrownBy(() -> record("[1]")).hasMessage("found an array");
        assertThatThrownBy(() -> record("{\"a\":1} 2")).hasMessage("more after the object (a number)");
        assertThatThrownBy(() -> record("{\"a\":1")).hasMessageStartingWith("Unexpected end-of-input").hasMessageNotContaining("Source");
        byte[] bad = "{\"a\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> LazyRecord.parse(bad, 0, bad.length)).hasMessage("Invalid UTF-8: byte 0xff at byte 7 of the line");
    }
}
