package dev.verpath.engine.edit;

import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleReport;
import dev.verpath.rules.TomlEdit;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TOML changed in place: each edit on real text, and that comments, spacing and spelling elsewhere stay. */
class TomlTextTest {

    private static final String CONFIG = """
            # Gateway settings, maintained by the platform team.
            host = "0.0.0.0"   # all interfaces
            port = 8080
            timeout = 1.50

            # Retry policy: ask ops before changing.
            [retry]
            attempts = 3 # per request
            backoff = [100,
                       200]   # ms

            [tls]
            enabled = false
            """;

    private final List<String> warnings = new ArrayList<>();
    private final RuleReport report = new RuleReport() {
        @Override
        public void warn(String path, String message) {
            warnings.add(path + ": " + message);
        }

        @Override
        public void count(String counter, long delta) {
        }
    };

    private String edited(String text, TomlEdit... edits) {
        TomlText document = new TomlText("gateway.toml", text);
        for (TomlEdit edit : edits) {
            edit.applyTo(document, "gateway.toml", report);
        }
        return document.text();
    }

    @Test
    void noEditNoChange() {
        assertThat(edited(CONFIG, TomlEdit.rename("missing", "other"), TomlEdit.remove("retry.nothing"))).isEqualTo(CONFIG);
    }

    @Test
    void aRenameKeepsTheValueItsSpacingAndItsComments() {
        assertThat(edited(CONFIG, TomlEdit.rename("host", "bind_address"), TomlEdit.rename("retry.attempts", "retry.max attempts")))
                .isEqualTo(CONFIG.replace("host = \"0.0.0.0\"   # all", "bind_address = \"0.0.0.0\"   # all")
                        .replace("attempts = 3 # per", "\"max attempts\" = 3 # per"));
    }

    @Test
    void aRenameOntoAKeyInUseKeepsThatKeyAndWarns() {
        assertThat(edited("host = \"a\"\nbind_address = \"b\"\n", TomlEdit.rename("host", "bind_address")))
                .isEqualTo("bind_address = \"b\"\n");
        assertThat(warnings).containsExactly("gateway.toml: key host dropped: bind_address is already set and wins");
    }

    @Test
    void aKeyMovesIntoATableWithItsCommentsAndTheTableIsCreatedAtTheEndWhenMissing() {
        String text = "title = 1\n# the port\nport = 8080\nhost = \"h\"\n\n[server]\nname = \"x\"\n\n[tls]\nenabled = false\n";

        assertThat(edited(text, TomlEdit.moveInto("server", "port"), TomlEdit.rename("host", "net.host")))
                .isEqualTo("title = 1\n\n[server]\nname = \"x\"\n# the port\nport = 8080\n\n[tls]\nenabled = false\n\n[net]\n"
                        + "host = \"h\"\n");
        assertThat(edited("# file header\nport = 1\n", TomlEdit.moveInto("s", "port")))
                .isEqualTo("# file header\n\n[s]\nport = 1\n");
    }

    @Test
    void setReplacesAValueInPlaceKeepingItsInlineCommentOrAddsItAtTheEndOfItsTable() {
        assertThat(edited(CONFIG, TomlEdit.set("retry.attempts", JsonValue.of(5)), TomlEdit.set("host", JsonValue.of("::")),
                TomlEdit.set("retry.backoff", new dev.verpath.rules.json.JsonArray(List.of(JsonValue.of(1))))))
                .isEqualTo(CONFIG.replace("attempts = 3 # per", "attempts = 5 # per")
                        .replace("host = \"0.0.0.0\"   #", "host = \"::\"   #")
                        .replace("backoff = [100,\n           200]   # ms", "backoff = [1]"));
        assertThat(edited(CONFIG, TomlEdit.setIfAbsent("retry.jitter", JsonValue.of(true)),
                TomlEdit.setIfAbsent("port", JsonValue.of(1)), TomlEdit.set("name", JsonValue.of("gw \"1\""))))
                .isEqualTo(CONFIG.replace("timeout = 1.50\n", "timeout = 1.50\nname = \"gw \\\"1\\\"\"\n")
                        .replace("           200]   # ms\n", "           200]   # ms\njitter = true\n"));
    }

    @Test
    void aValueWithAHashInItIsReplacedWhole() {
        assertThat(edited("color = \"#fff\" # white\n", TomlEdit.set("color", JsonValue.of("#000"))))
                .isEqualTo("color = \"#000\" # white\n");
    }

    @Test
    void removeTakesTheKeyItsValueLinesAndItsComments() {
        assertThat(edited(CONFIG, TomlEdit.remove("retry.backoff"), TomlEdit.remove("host")))
                .isEqualTo(CONFIG.replace("host = \"0.0.0.0\"   # all interfaces\n", "")
                        .replace("backoff = [100,\n           200]   # ms\n", ""));
        assertThat(edited("# about a\na = 1\n\n# about b\nb = 2\n", TomlEdit.remove("b"))).isEqualTo("# about a\na = 1\n");
    }

    @Test
    void addTableGoesAtTheEndAfterABlankLineAndKeysOfTheTopGoBeforeTheFirstTable() {
        assertThat(edited("[a]\nx = 1\n", TomlEdit.addTable("workers"), TomlEdit.set("workers.count", JsonValue.of(4)),
                TomlEdit.set("top", JsonValue.of(true))))
                .isEqualTo("top = true\n\n[a]\nx = 1\n\n[workers]\ncount = 4\n");
    }

    @Test
    void aLineOfAnArrayThatStartsWithABracketIsNotTakenForATableHeader() {
        String text = "matrix = [\n  [1, 2],\n  [3, 4],\n]\nport = 1\n\n[t]\nx = 1\n";

        assertThat(edited(text, TomlEdit.remove("matrix"), TomlEdit.set("top", JsonValue.of(true))))
                .isEqualTo("port = 1\ntop = true\n\n[t]\nx = 1\n");
    }

    @Test
    void valuesReadAsTheirKinds() {
        TomlText document = new TomlText("g.toml", CONFIG);

        assertThat(document.get("timeout")).contains(new JsonNumber("1.50"));
        assertThat(document.get("retry.backoff").orElseThrow().toString()).contains("100", "200");
        assertThat(document.get("tls.enabled")).contains(JsonValue.of(false));
        assertThat(document.keys("retry")).containsExactly("attempts", "backoff");
        assertThat(document.keys("")).containsExactly("host", "port", "timeout");
        assertThat(document.hasTable("tls")).isTrue();
    }

    @Test
    void subTablesAreListedByNameInFileOrderImpliedOrDeclaredWhateverTheirNamesHold() {
        TomlText document = new TomlText("m.toml", """
                schema_version = 1
                [models."t2v-A14B@2.2.0".defaults]
                fps = 24
                [models."a.b"]
                x = 1
                [[models."a.b".files]]
                path = "p"
                [models."t2v-A14B@2.2.0"]
                version = "2.2.0"
                [models.plain]
                inline = { a = 1 }
                """);

        assertThat(document.subTables("models")).containsExactly("t2v-A14B@2.2.0", "a.b", "plain");
        assertThat(document.subTables("")).containsExactly("models");
        assertThat(document.subTables("models.\"a.b\"")).as("an array of tables is a key, not a table").isEmpty();
        assertThat(document.subTables("models.plain")).containsExactly("inline");
        assertThat(document.subTables("nothing")).isEmpty();
        assertThat(document.subTables("schema_version")).as("a value, not a table").isEmpty();
        assertThat(document.keys("models.\"a.b\".files")).as("an array of tables").isEmpty();
    }

    @Test
    void keysOfATableWhoseNamesNeedQuotingAreListedInFileOrder() {
        TomlText document = new TomlText("m.toml", """
                [models]
                "z@1" = 1
                "a b" = 2
                [models."t2v@2"]
                x = 1
                """);

        assertThat(document.keys("models")).containsExactly("z@1", "a b");
        assertThat(document.get("models.\"t2v@2\".x")).contains(JsonValue.of(1));
        assertThat(document.hasTable("models.\"t2v@2\"")).isTrue();
    }

    @Test
    void aBrokenFileIsNamedWithItsLine() {
        assertThatThrownBy(() -> new TomlText("g.toml", "a = 1\na = 2\n"))
                .isInstanceOfSatisfying(RuleFailure.class, f -> {
                    assertThat(f.path()).isEqualTo("g.toml");
                    assertThat(f.location()).contains("line 2");
                    assertThat(f.getMessage()).startsWith("not valid TOML: a previously defined at line 1").doesNotEndWith(")");
                });
    }

    @Test
    void crLfLineEndingsAndAMissingFinalNewlineAreKept() {
        assertThat(edited("a = 1\r\nb = 2", TomlEdit.rename("b", "c"))).isEqualTo("a = 1\r\nc = 2");
    }
}
