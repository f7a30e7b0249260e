package dev.verpath.builtin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.rules.RuleFailure;
import org.junit.jupiter.api.Test;

class TomlLayoutTest {

    private static String relayout(String toml) {
        return TomlLayout.write(TomlReader.parse("config/server.toml", toml));
    }

    @Test
    void writesValuesFirstThenEachTableAfterABlankLine() {
        String toml = "[b]\nx = 1\n[a]\ny = \"z\"\n";
        assertThat(relayout("top = true\n" + toml)).isEqualTo("top = true\n\n[b]\nx = 1\n\n[a]\ny = \"z\"\n");
        assertThat(relayout(toml)).isEqualTo("[b]\nx = 1\n\n[a]\ny = \"z\"\n");
    }

    @Test
    void writesInlineAndNestedTablesAsHeadersAndArraysOfTablesAsDoubleBrackets() {
        String toml = "w = {count = 4, inner = {deep = 1}}\n[[servers]]\nname = \"a\"\n[[servers]]\nname = \"b\"\n"
                + "[servers.tls]\non = true\n[empty]\n[only.sub]\nk = 1\n";
        String expected = "\n[w]\ncount = 4\n\n[w.inner]\ndeep = 1\n\n[[servers]]\nname = \"a\"\n\n[[servers]]\nname = \"b\"\n\n"
                + "[servers.tls]\non = true\n\n[empty]\n\n[only.sub]\nk = 1\n";
        assertThat(relayout(toml)).isEqualTo(expected.substring(1));
        assertThat(relayout(expected.substring(1))).isEqualTo(expected.substring(1));
    }

    @Test
    void writesScalarsAsTomlWithTheirDigits() {
        String toml = "s = \"it's \\\"q\\\" \\\\ ü\"\ni = -42\nbig = 9223372036854775807\nf = 1.50\ne = 1e3\nn = nan\ninf = -inf\n"
                + "d = 1979-05-27\nt = 07:32:00.5\ndt = 1979-05-27T07:32:00\nodt = 1979-05-27T00:32:00-07:00\nz = 1979-05-27T07:32:00Z\n"
                + "a = [1, \"two\", [3], {x = 1}]\n\"odd key\" = 1\nctl = \"a\\tb\\u0001\"\n";
        assertThat(relayout(toml)).isEqualTo("s = \"it's \\\"q\\\" \\\\ ü\"\ni = -42\nbig = 9223372036854775807\nf = 1.50\n"
                + "e = 1000.0\nn = nan\ninf = -inf\nd = 1979-05-27\nt = 07:32:00.5\ndt = 1979-05-27T07:32:00\n"
                + "odt = 1979-05-27T00:32:00-07:00\nz = 1979-05-27T07:32:00Z\na = [1, \"two\", [3], { x = 1 }]\n"
                + "\"odd key\" = 1\nctl = \"a\\tb\\u0001\"\n");
    }

    @Test
    void writesAnEmptyConfigurationAsAnEmptyFile() {
        assertThat(relayout("")).isEmpty();
        assertThat(relayout("# only a comment\n")).isEmpty();
    }

    @Test
    void namesTheLineOfBrokenToml() {
        assertThatThrownBy(() -> TomlReader.parse("config/server.toml", "a = 1\n\nb = [1,\nc = \n"))
                .isInstanceOfSatisfying(RuleFailure.class, f -> {
                    assertThat(f.path()).isEqualTo("config/server.toml");
                    assertThat(f.location()).hasValueSatisfying(l -> assertThat(l).matches("line [34]"));
                    assertThat(f.getMessage()).startsWith("not valid TOML: ");
                });
        assertThatThrownBy(() -> TomlReader.parse("config/server.toml", "a = 1\na = 2\n"))
                .isInstanceOfSatisfying(RuleFailure.class, f -> assertThat(f.location()).hasValueSatisfying(l -> assertThat(l).matches("line [23]")));
    }

    @Test
    void keepsKeyOrderWhenReading() {
        ObjectNode root = TomlReader.parse("x", "z = 1\na = 2\nm = 3\n");
        assertThat(root.toString()).isEqualTo("{\"z\":1,\"a\":2,\"m\":3}");
    }
}
