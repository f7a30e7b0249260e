package dev.verpath.engine.records;

import dev.verpath.rules.RecordEdit;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An edited record keeps the bytes between the fields no edit touched (issue 24): a renamed key or a set value keeps
 * its own spacing and separators, a removed field takes its separator along, and a field that is added or moved into
 * an object follows the spacing of the object's other members. Lines are written with ' for " to stay readable.
 */
class RecordSpacingTest {

    private final EditedLines lines = new EditedLines();

    private String edited(String line, RecordEdit... edits) throws IOException {
        return lines.edited(json(line), edits);
    }

    private static String json(String text) {
        return text.replace('\'', '"');
    }

    @Test
    void aRenamedKeyKeepsItsOwnSpacingAndTheSeparatorsAroundIt() throws IOException {
        RecordEdit rename = RecordEdit.rename("ts", "timestamp");

        assertThat(edited("{'id': 1, 'ts': 2, 'name': 'x'}", rename)).isEqualTo(json("{'id': 1, 'timestamp': 2, 'name': 'x'}"));
        assertThat(edited("{ 'id' : 1 ,  'ts'  :\t2 ,'name':'x' }", rename))
                .isEqualTo(json("{ 'id' : 1 ,  'timestamp'  :\t2 ,'name':'x' }"));
        assertThat(edited("{'ts' : 2, 'id':1}", rename)).isEqualTo(json("{'timestamp' : 2, 'id':1}"));
        assertThat(edited("{'id':1 ,'ts' :2 }", rename)).isEqualTo(json("{'id':1 ,'timestamp' :2 }"));
    }

    @Test
    void aValueSetOrMappedInPlaceKeepsTheSpacingAroundIt() throws IOException {
        RecordEdit twice = RecordEdit.map("n", (v, c) -> JsonValue.of(((JsonNumber) v).longValue() * 2));

        assertThat(edited("{'a': 1, 'schema_version': 1, 'b': 2}", RecordEdit.set("schema_version", JsonValue.of(2))))
                .isEqualTo(json("{'a': 1, 'schema_version': 2, 'b': 2}"));
        assertThat(edited("{'n' :  21 , 'k': 1}", twice)).isEqualTo(json("{'n' :  42 , 'k': 1}"));
        assertThat(edited("{ 'k': 1,'n':21 }", twice)).isEqualTo(json("{ 'k': 1,'n':42 }"));
    }

    @Test
    void aFieldAddedAtTheEndFollowsTheSpacingOfTheObjectsMembers() throws IOException {
        RecordEdit add = RecordEdit.set("c", JsonValue.of(3));

        assertThat(edited("{'a': 1, 'b': 2}", add)).isEqualTo(json("{'a': 1, 'b': 2, 'c': 3}"));
        assertThat(edited("{'a':1,'b':2}", add)).isEqualTo(json("{'a':1,'b':2,'c':3}"));
        assertThat(edited("{'a' :1 , 'b' :2}", add)).isEqualTo(json("{'a' :1 , 'b' :2 , 'c' :3}"));
        assertThat(edited("{ 'a': 1, 'b': 2 }", add)).isEqualTo(json("{ 'a': 1, 'b': 2, 'c': 3 }"));
        assertThat(edited("{'a': 1}", add)).as("one member: its colon says how it is spaced")
                .isEqualTo(json("{'a': 1, 'c': 3}"));
        assertThat(edited("{'a':1}", add)).isEqualTo(json("{'a':1,'c':3}"));
        assertThat(edited("{}", add)).as("no members to follow: compact").isEqualTo(json("{'c':3}"));
    }

    @Test
    void whenNoMemberKeepsItsOwnSpacingTheObjectIsSpacedAsItWasRead() throws IOException {
        assertThat(edited("{ 'a' : 1 , 'b' : 2 }", RecordEdit.remove("b"), RecordEdit.set("c", JsonValue.of(3))))
                .isEqualTo(json("{ 'a' : 1 , 'c' : 3 }"));
        assertThat(edited("  { 'ts' : 12 , 'latency_ms' : 3 , 'prompt_tokens' : 1 }  ",
                RecordEdit.set("schema_version", JsonValue.of(1)), RecordEdit.rename("ts", "timestamp"),
                RecordEdit.moveInto("usage", "prompt_tokens"), RecordEdit.moveInto("metrics", "latency_ms")))
                .as("the fused steps of a migration leave no field with a separator of its own")
                .isEqualTo(json("  { 'timestamp' : 12 , 'metrics' : {'latency_ms':3} , 'usage' : {'prompt_tokens':1}"
                        + " , 'schema_version' : 1 }  "));
    }

    @Test
    void aFieldInsertedBesideAnotherFollowsItsNeighbours() throws IOException {
        LazyRecord record = EditedLines.record(json("{'a': 1, 'b': 2}"));

        record.insertBefore("a", "first", JsonValue.of(0));
        record.insertAfter("a", "mid", new JsonNumber("1.5"));

        assertThat(EditedLines.written(record)).isEqualTo(json("{'first': 0, 'a': 1, 'mid': 1.5, 'b': 2}"));
    }

    @Test
    void aRemovedFieldTakesItsSeparatorAlong() throws IOException {
        String line = "{'a': 1, 'b': 2, 'c': 3}";

        assertThat(edited(line, RecordEdit.remove("a"))).isEqualTo(json("{'b': 2, 'c': 3}"));
        assertThat(edited(line, RecordEdit.remove("b"))).isEqualTo(json("{'a': 1, 'c': 3}"));
        assertThat(edited(line, RecordEdit.remove("c"))).isEqualTo(json("{'a': 1, 'b': 2}"));
        assertThat(edited("{ 'a' : 1 , 'b' : 2 }", RecordEdit.remove("a"))).isEqualTo(json("{ 'b' : 2 }"));
        assertThat(edited("{ 'a' : 1 , 'b' : 2 }", RecordEdit.remove("b"))).isEqualTo(json("{ 'a' : 1 }"));
        assertThat(edited("{ 'a' : 1 , 'b' : 2 }", RecordEdit.remove("a"), RecordEdit.remove("b"))).isEqualTo("{}");
        assertThat(edited("{'a': 1,'b': 2, 'c': 3}", RecordEdit.remove("b"))).as("the remaining spacing as written")
                .isEqualTo(json("{'a': 1, 'c': 3}"));
    }

    @Test
    void editsInsideANestedObjectKeepItsSpacingAndTheRecords() throws IOException {
        assertThat(edited("{'id': 1, 'm': {'a': 1, 'b': 2}, 'z': 0}", RecordEdit.set("m.c", JsonValue.of(3))))
                .isEqualTo(json("{'id': 1, 'm': {'a': 1, 'b': 2, 'c': 3}, 'z': 0}"));
        assertThat(edited("{'id': 1, 'm': { 'a' : 1 ,'b':2 }}", RecordEdit.rename("m.a", "m.x")))
                .isEqualTo(json("{'id': 1, 'm': { 'x' : 1 ,'b':2 }}"));
        assertThat(edited("{'m': {'t': 1}}", RecordEdit.set("m.u", JsonValue.of(2))))
                .isEqualTo(json("{'m': {'t': 1, 'u': 2}}"));
        assertThat(edited("{'m': {'a':1,'b':2}, 'n': 0}", RecordEdit.remove("m.a")))
                .isEqualTo(json("{'m': {'b':2}, 'n': 0}"));
    }

    @Test
    void moveIntoAnExistingObjectFollowsItsMembers() throws IOException {
        RecordEdit usage = RecordEdit.moveInto("usage", "prompt_tokens");

        assertThat(edited("{'usage': {'total': 8}, 'prompt_tokens': 3, 'x': 0}", usage))
                .isEqualTo(json("{'usage': {'total': 8, 'prompt_tokens': 3}, 'x': 0}"));
        assertThat(edited("{'usage': {'total':8}, 'prompt_tokens' : 3}", usage))
                .isEqualTo(json("{'usage': {'total':8,'prompt_tokens':3}}"));
        assertThat(edited("{'x': 0, 'prompt_tokens': 3, 'usage': {}}", usage))
                .as("an object without members: compact")
                .isEqualTo(json("{'x': 0, 'usage': {'prompt_tokens':3}}"));
    }

    @Test
    void aNewObjectIsCompactInsideAndSpacedLikeItsNeighboursOutside() throws IOException {
        assertThat(edited("{'id': 1, 'completion_tokens': 3, 'x': 0, 'prompt_tokens': 2}",
                RecordEdit.moveInto("usage", "prompt_tokens", "completion_tokens")))
                .isEqualTo(json("{'id': 1, 'usage': {'prompt_tokens':2,'completion_tokens':3}, 'x': 0}"));
        assertThat(edited("{'a': 1, 'client_ip': 'h', 'b': 2}", RecordEdit.rename("client_ip", "client.ip")))
                .isEqualTo(json("{'a': 1, 'client': {'ip':'h'}, 'b': 2}"));
        assertThat(edited("{'a' : 2}", RecordEdit.set("m.t.x", JsonValue.of(true))))
                .isEqualTo(json("{'a' : 2, 'm' : {'t':{'x':true}}}"));
    }

    @Test
    void aFieldMovedOutFollowsTheSpacingOfItsNewNeighbours() throws IOException {
        assertThat(edited("{'a': 0, 'usage': {'prompt_tokens':2,'completion_tokens':3}, 'b': 1}",
                RecordEdit.moveOut("usage.prompt_tokens"), RecordEdit.moveOut("usage.completion_tokens")))
                .isEqualTo(json("{'a': 0, 'prompt_tokens': 2, 'completion_tokens': 3, 'b': 1}"));
        LazyRecord record = EditedLines.record(json("{'a': 1, 'm': {'x' : 2}}"));
        assertThat(record.move("a", "m.a", Optional.empty())).isTrue();
        assertThat(EditedLines.written(record)).isEqualTo(json("{'m': {'x' : 2, 'a' : 1}}"));
    }

    @Test
    void aDuplicatedNameAnEditTouchesBecomesOneFieldInTheFirstsPlace() throws IOException {
        assertThat(edited("{'ts': 1, 'a': 0, 'ts': 2}", RecordEdit.rename("ts", "timestamp")))
                .isEqualTo(json("{'timestamp': 2, 'a': 0}"));
        assertThat(edited("{'a': 0, 'd' :1,'b': 1, 'd': 2}", RecordEdit.set("d", JsonValue.of(3))))
                .isEqualTo(json("{'a': 0, 'd': 3,'b': 1}"));
        assertThat(edited("{'d': 1, 'd': 2, 'k': 3}", RecordEdit.remove("d"))).isEqualTo(json("{'k': 3}"));
        assertThat(edited("{'d': 1, 'd': 2}", RecordEdit.set("e", JsonValue.of(0))))
                .isEqualTo(json("{'d': 1, 'd': 2, 'e': 0}"));
    }

    @Test
    void escapesNumberSpellingAndTheBlanksAroundTheObjectStay() throws IOException {
        assertThat(edited("  { 'n': 'caf\\u00e9 \\/', 'big': 1234567890123456789012, 'f': 1E-7, 'ts': -0.50 }\t",
                RecordEdit.rename("ts", "timestamp"), RecordEdit.set("k\u00e9", JsonValue.of("\u00e9"))))
                .isEqualTo(json("  { 'n': 'caf\\u00e9 \\/', 'big': 1234567890123456789012, 'f': 1E-7, 'timestamp': -0.50,"
                        + " 'k\u00e9': '\u00e9' }\t"));
    }
}
