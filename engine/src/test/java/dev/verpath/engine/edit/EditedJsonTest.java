package dev.verpath.engine.edit;

import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonText;
import dev.verpath.rules.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EditedJsonTest {

    private static final String LEGACY = """
            {
              "models_directory": "models",
              "download_retries": 3,
              "ratio": 1.50e3,
              "name": "caf\\u00e9",
              "limits": {
                "disk_gb": 1_0
              }
            }
            """.replace("1_0", "10");

    private static EditedJson json(String text) {
        return new EditedJson("config.json", text);
    }

    @Test
    void aRenamedMemberKeepsItsPlaceValueAndEverySpaceAroundIt() {
        EditedJson doc = json("{\"id\": 1, \"ts\" :  2,\"name\": \"x\"}");

        assertThat(doc.rename("ts", "timestamp")).isTrue();

        assertThat(doc.text()).isEqualTo("{\"id\": 1, \"timestamp\" :  2,\"name\": \"x\"}");
    }

    @Test
    void readsTypedValuesWithTheirSpellingAndKeysInFileOrder() {
        EditedJson doc = json(LEGACY);

        assertThat(doc.get("ratio")).contains(new JsonNumber("1.50e3"));
        assertThat(doc.get("name")).contains(new JsonText("café"));
        assertThat(doc.get("limits.disk_gb")).contains(JsonValue.of(10));
        assertThat(doc.get("limits.nothing")).isEmpty();
        assertThat(doc.get("ratio.inside")).isEmpty();
        assertThat(doc.keys("")).containsExactly("models_directory", "download_retries", "ratio", "name", "limits");
        assertThat(doc.keys("limits")).containsExactly("disk_gb");
    }

    @Test
    void aMemberSetAnewIsAddedAtTheEndOfItsObjectInTheFilesLayout() {
        EditedJson doc = json(LEGACY);

        doc.set("health_monitoring.enabled", JsonValue.of(true));
        doc.set("limits.cpu", JsonValue.of(4));
        doc.set("download_retries", JsonValue.of(5));

        assertThat(doc.text()).isEqualTo("""
                {
                  "models_directory": "models",
                  "download_retries": 5,
                  "ratio": 1.50e3,
                  "name": "caf\\u00e9",
                  "limits": {
                    "disk_gb": 10,
                    "cpu": 4
                  },
                  "health_monitoring": {
                    "enabled": true
                  }
                }
                """);
    }

    @Test
    void anObjectValueIsWrittenInTheFilesIndentation() {
        EditedJson doc = json(LEGACY);

        doc.set("fallback", new JsonObject(List.of(new JsonObject.Member("mock_fallback_enabled", JsonValue.of(false)),
                new JsonObject.Member("order", new dev.verpath.rules.json.JsonArray(List.of(JsonValue.of("local"), JsonValue.of("hub")))))));

        assertThat(doc.text()).endsWith("""
                  "fallback": {
                    "mock_fallback_enabled": false,
                    "order": ["local", "hub"]
                  }
                }
                """);
    }

    @Test
    void membersMovedIntoAMissingObjectMakeItWhereTheFirstStood() {
        EditedJson doc = json(LEGACY);

        assertThat(doc.moveInto("storage", "models_directory", "limits", "nothing")).isEqualTo(2);

        assertThat(doc.text()).isEqualTo("""
                {
                  "storage": {
                    "models_directory": "models",
                    "limits": {
                      "disk_gb": 10
                    }
                  },
                  "download_retries": 3,
                  "ratio": 1.50e3,
                  "name": "caf\\u00e9"
                }
                """);
    }

    @Test
    void aMemberMovedIntoAnObjectOfAnotherParentGoesToItsEnd() {
        EditedJson doc = json(LEGACY);

        doc.moveInto("limits", "download_retries");
        doc.moveInto("downloads.retry", "ratio");

        assertThat(doc.get("limits.download_retries")).contains(JsonValue.of(3));
        assertThat(doc.text()).isEqualTo("""
                {
                  "models_directory": "models",
                  "name": "caf\\u00e9",
                  "limits": {
                    "disk_gb": 10,
                    "download_retries": 3
                  },
                  "downloads": {
                    "retry": {
                      "ratio": 1.50e3
                    }
                  }
                }
                """);
    }

    @Test
    void aRemovedMemberTakesItsSeparatorWithItWhereverItStood() {
        assertThat(removed("{\"a\": 1, \"b\": 2, \"c\": 3}", "a")).isEqualTo("{\"b\": 2, \"c\": 3}");
        assertThat(removed("{\"a\": 1, \"b\": 2, \"c\": 3}", "b")).isEqualTo("{\"a\": 1, \"c\": 3}");
        assertThat(removed("{\"a\": 1, \"b\": 2, \"c\": 3}", "c")).isEqualTo("{\"a\": 1, \"b\": 2}");
        assertThat(removed("{\n  \"a\": {\"x\": [1, 2]}\n}\n", "a")).isEqualTo("{}\n");
        assertThat(removed(LEGACY, "limits")).isEqualTo("""
                {
                  "models_directory": "models",
                  "download_retries": 3,
                  "ratio": 1.50e3,
                  "name": "caf\\u00e9"
                }
                """);
    }

    @Test
    void compactFilesStayCompactAndCrlfFilesKeepCrlf() {
        EditedJson compact = json("{\"a\":1,\"b\":{}}");
        compact.set("b.c", JsonValue.of("x"));
        compact.set("d", JsonValue.of(2));
        assertThat(compact.text()).isEqualTo("{\"a\":1,\"b\":{\"c\":\"x\"},\"d\":2}");

        EditedJson crlf = json("{\r\n  \"a\": 1\r\n}\r\n");
        crlf.set("b.c", JsonValue.of(2));
        assertThat(crlf.text()).isEqualTo("{\r\n  \"a\": 1,\r\n  \"b\": {\r\n    \"c\": 2\r\n  }\r\n}\r\n");
    }

    @Test
    void nothingIsWrittenThroughAValueThatIsNotAnObjectNorOverANameTaken() {
        EditedJson doc = json(LEGACY);

        assertThatThrownBy(() -> doc.set("ratio.inner", JsonValue.of(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("config.json: ratio is not an object, so nothing can be set inside it");
        assertThatThrownBy(() -> doc.rename("ratio", "name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("that name is set already");
        assertThat(doc.moveInto("limits", "disk_gb", "download_retries")).isEqualTo(1);
        assertThat(doc.text()).isEqualTo(LEGACY.replace("  \"download_retries\": 3,\n", "")
                .replace("\"disk_gb\": 10\n", "\"disk_gb\": 10,\n    \"download_retries\": 3\n"));
        assertThat(doc.setIfAbsent("name", JsonValue.of("other"))).isFalse();
        assertThat(doc.remove("missing")).isEqualTo(Optional.empty());
    }

    @Test
    void aFileThatIsNotOneJsonObjectIsNamedOnItsLine() {
        assertThatThrownBy(() -> json("{\n  \"a\": 1,\n  \"b\": }\n")).isInstanceOf(RuleFailure.class)
                .satisfies(e -> assertThat(((RuleFailure) e).location()).contains("line 3"))
                .hasMessageStartingWith("not valid JSON: ");
        assertThatThrownBy(() -> json("[1, 2]")).isInstanceOf(RuleFailure.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> json("{}\n{}")).isInstanceOf(RuleFailure.class).hasMessageContaining("more after the JSON object");
    }

    private static String removed(String text, String path) {
        EditedJson doc = json(text);
        assertThat(doc.remove(path)).isPresent();
        return doc.text();
    }
}
