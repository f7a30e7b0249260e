package dev.verpath.engine.edit;

import dev.verpath.rules.json.JsonArray;
import dev.verpath.rules.json.JsonNull;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A TOML file made anew from a JSON object: the layout, nesting, quoting, and that TomlText reads it back as written. */
class TomlWriterTest {

    private static JsonObject object(Object... nameValue) {
        JsonObject out = JsonObject.EMPTY;
        for (int i = 0; i < nameValue.length; i += 2) {
            out = new JsonObject(append(out, (String) nameValue[i], (JsonValue) nameValue[i + 1]));
        }
        return out;
    }

    private static List<JsonObject.Member> append(JsonObject object, String name, JsonValue value) {
        List<JsonObject.Member> members = new java.util.ArrayList<>(object.members());
        members.add(new JsonObject.Member(name, value));
        return members;
    }

    private static JsonArray array(JsonValue... items) {
        return new JsonArray(List.of(items));
    }

    private static final JsonObject MODELS = object(
            "schema_version", JsonValue.of(1),
            "models", object(
                    "t2v@2.2.0", object(
                            "description", JsonValue.of("Text \"to\" video\\n"),
                            "defaults", object("fps", JsonValue.of(24), "guidance_scale", new JsonNumber("7.5")),
                            "variants", array(JsonValue.of("fp16"), JsonValue.of("bf16")),
                            "files", array(
                                    object("path", JsonValue.of("a.bin"), "size", JsonValue.of(3)),
                                    object("path", JsonValue.of("b.bin"), "shard_index", JsonValue.of(true),
                                            "meta", object("origin", JsonValue.of("hf")))),
                            "vram", object("base_vram_gb", new JsonNumber("12.0"))),
                    "plain_name", object("empty", array())));

    @Test
    void aTableWritesItsOwnValuesThenItsSubTablesAndArraysOfTablesInMemberOrder() {
        assertThat(TomlWriter.written(MODELS)).isEqualTo("""
                schema_version = 1

                [models."t2v@2.2.0"]
                description = "Text \\"to\\" video\\\\n"
                variants = ["fp16", "bf16"]

                [models."t2v@2.2.0".defaults]
                fps = 24
                guidance_scale = 7.5

                [[models."t2v@2.2.0".files]]
                path = "a.bin"
                size = 3

                [[models."t2v@2.2.0".files]]
                path = "b.bin"
                shard_index = true

                [models."t2v@2.2.0".files.meta]
                origin = "hf"

                [models."t2v@2.2.0".vram]
                base_vram_gb = 12.0

                [models.plain_name]
                empty = []
                """);
    }

    @Test
    void anEmptyTableGetsAHeaderAndATableOfTablesOnlyNone() {
        assertThat(TomlWriter.written(object("schema_version", JsonValue.of(1), "models", JsonObject.EMPTY)))
                .isEqualTo("schema_version = 1\n\n[models]\n");
        assertThat(TomlWriter.written(object("a", object("b", object("c", JsonValue.of("x"))))))
                .as("no blank line opens the file").isEqualTo("[a.b]\nc = \"x\"\n");
        assertThat(TomlWriter.written(JsonObject.EMPTY)).isEmpty();
    }

    @Test
    void namesAreBareOnlyWhenTomlAllowsItAndStringsAreEscaped() {
        assertThat(TomlWriter.written(object("bare_Name-1", JsonValue.of("tab\there"), "a.b", JsonValue.of("é\u0001"),
                "", JsonValue.of(false), "sp ace", object("k", JsonValue.of(1)))))
                .isEqualTo("bare_Name-1 = \"tab\\there\"\n\"a.b\" = \"é\\u0001\"\n\"\" = false\n\n[\"sp ace\"]\nk = 1\n");
    }

    @Test
    void whatItWritesReadsBackAsTheSameValues() {
        TomlText read = new TomlText("m.toml", TomlWriter.written(MODELS));

        assertThat(read.get("schema_version")).contains(JsonValue.of(1));
        assertThat(read.subTables("models")).containsExactly("t2v@2.2.0", "plain_name");
        assertThat(read.get("models.\"t2v@2.2.0\".description")).contains(JsonValue.of("Text \"to\" video\\n"));
        assertThat(read.get("models.\"t2v@2.2.0\".defaults.guidance_scale")).contains(new JsonNumber("7.5"));
        assertThat(read.get("models.\"t2v@2.2.0\".vram.base_vram_gb")).contains(new JsonNumber("12.0"));
        assertThat(read.get("models.\"t2v@2.2.0\".files")).contains(array(
                object("path", JsonValue.of("a.bin"), "size", JsonValue.of(3)),
                object("path", JsonValue.of("b.bin"), "shard_index", JsonValue.of(true),
                        "meta", object("origin", JsonValue.of("hf")))));
        assertThat(read.get("models.plain_name.empty")).contains(array());
    }

    @Test
    void refusesWhatTomlCannotHold() {
        assertThatThrownBy(() -> TomlWriter.written(object("a", JsonNull.NULL)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
        assertThatThrownBy(() -> TomlWriter.written(object("a", JsonValue.of(1), "a", JsonValue.of(2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a is named twice");
    }
}
