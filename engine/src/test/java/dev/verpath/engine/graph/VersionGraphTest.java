package dev.verpath.engine.graph;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.RuleKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionGraphTest {

    private static GraphEdge edge(String product, String from, String to) {
        return new GraphEdge(product, from, to, from, false, List.of(product + " " + from + " to " + to + " config"));
    }

    @Test
    void buildsTheServeLikeChainWithItsDownEdges() {
        VersionGraph graph = TinyGraph.serve().graph();

        assertThat(graph.products()).containsExactly("serve");
        assertThat(graph.versions("serve")).containsExactly("0.1.0", "1.0.0", "2.0.0", "2.1.0");
        assertThat(graph.edges("serve")).containsExactly(
                edge("serve", "0.1.0", "1.0.0"),
                edge("serve", "1.0.0", "2.0.0"),
                edge("serve", "2.0.0", "1.0.0"),
                edge("serve", "2.0.0", "2.1.0"),
                new GraphEdge("serve", "2.1.0", "2.0.0", "2.1.0", true, List.of("serve 2.1.0 to 2.0.0 config")));
    }

    @Test
    void ordersVersionsBySemverNotByText() {
        VersionGraph graph = TinyGraph.of("p").edge("0.9.0", "0.10.0").edge("0.2.0", "0.9.0")
                .edge("1.0.0-rc.1", "1.0.0").edge("0.10.0", "1.0.0-rc.1").graph();

        assertThat(graph.versions("p")).containsExactly("0.2.0", "0.9.0", "0.10.0", "1.0.0-rc.1", "1.0.0");
        assertThat(graph.edges("p")).extracting(GraphEdge::from)
                .containsExactly("0.2.0", "0.9.0", "0.10.0", "1.0.0-rc.1");
    }

    @Test
    void joinsRulesOfTheSameOriginAndTargetIntoOneEdgeLossyWhenAnyRuleIs() {
        VersionGraph graph = TinyGraph.of("p")
                .rule("p.model", RuleKind.MODEL, "1.0.0", "2.0.0", false, List.of("models move"))
                .rule("p.data", RuleKind.DATA, "1.0.0", "2.0.0", true, List.of("keys drop"))
                .rule("p.config", RuleKind.CONFIG, "1.0.0", "2.0.0", false, List.of())
                .graph();

        GraphEdge only = new GraphEdge("p", "1.0.0", "2.0.0", "1.0.0", true, List.of("p.config", "p.data", "p.model"));
        assertThat(graph.edges("p")).containsExactly(only);
        assertThat(graph.rules(only)).extracting(MigrationRule::descriptor).extracting(d -> d.id())
                .containsExactly("p.config", "p.data", "p.model");
    }

    @Test
    void rangeEdgeLeavesEveryCoveredKnownVersionButItsTarget() {
        VersionGraph graph = TinyGraph.of("p").edge("0.1.0", "1.0.0").edge("1.0.0", "1.5.0")
                .edge(">=1.0.0 <2.0.0", "2.0.0").edge("2.0.0", "2.1.0").edge(">=1.5.0", "3.0.0").graph();

        assertThat(graph.versions("p")).containsExactly("0.1.0", "1.0.0", "1.5.0", "2.0.0", "2.1.0", "3.0.0");
        assertThat(graph.edges("p")).extracting(e -> e.from() + ">" + e.to() + " " + e.declaredFrom()).containsExactly(
                "0.1.0>1.0.0 0.1.0",
                "1.0.0>1.5.0 1.0.0",
                "1.0.0>2.0.0 >=1.0.0 <2.0.0",
                "1.5.0>2.0.0 >=1.0.0 <2.0.0",
                "1.5.0>3.0.0 >=1.5.0",
                "2.0.0>2.1.0 2.0.0",
                "2.0.0>3.0.0 >=1.5.0",
                "2.1.0>3.0.0 >=1.5.0");
    }

    @Test
    void rangeWrittenWithAmpersandsCommasOrSpacesIsTheSameRange() {
        for (String text : List.of(">=1.0.0 <2.0.0", ">=1.0.0 && <2.0.0", ">=1.0.0, <2.0.0", ">= 1.0.0  < 2.0.0", ">=1.0.0&<2.0.0")) {
            VersionRange range = VersionRange.parse(text);
            assertThat(range.expression()).as(text).isEqualTo(">=1.0.0 & <2.0.0");
            assertThat(range.contains("1.0.3")).as(text).isTrue();
            assertThat(range.contains("2.0.0")).as(text).isFalse();
            assertThat(range.contains("0.9.9")).as(text).isFalse();
        }
    }

    @Test
    void rangeKeepsAlternativesHyphensAndParentheses() {
        assertThat(VersionRange.parse("<1.0.0 || >=2.0.0").expression()).isEqualTo("<1.0.0 | >=2.0.0");
        assertThat(VersionRange.parse("<1.0.0 || >=2.0.0").contains("1.5.0")).isFalse();
        assertThat(VersionRange.parse("1.0.0 - 1.4.0").contains("1.4.0")).isTrue();
        assertThat(VersionRange.parse("1.0.0 - 1.4.0").contains("1.4.1")).isFalse();
        assertThat(VersionRange.parse("(>=1.0.0 <1.1.0) || 2.x").expression()).isEqualTo("( >=1.0.0 & <1.1.0 ) | 2.x");
        assertThat(VersionRange.parse("~1.2").contains("1.2.9")).isTrue();
    }

    @Test
    void invalidRangeIsAUsageErrorNamingTheText() {
        assertThatThrownBy(() -> VersionRange.parse(">=one <two"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("'>=one <two'")
                .extracting(e -> ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.USAGE);
        assertThatThrownBy(() -> VersionRange.parse("  "))
                .extracting(e -> ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.USAGE);
    }

    @Test
    void ruleWithAnInvalidOriginBreaksTheRuleSet() {
        TinyGraph tiny = TinyGraph.of("p").rule("p.bad", RuleKind.CONFIG, "one-ish", "2.0.0", false, List.of());

        assertThatThrownBy(tiny::graph)
                .isInstanceOf(MigrationException.class)
                .hasMessage("rule p.bad of product p declares from 'one-ish', which is neither a version nor a range;"
                        + " fix the rule set or remove its plugin")
                .extracting(e -> ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.RULE_SET_INVALID);
    }

    @Test
    void ruleLeadingToItsOwnOriginBreaksTheRuleSet() {
        assertThatThrownBy(() -> TinyGraph.of("p").edge("1.0.0", "1.0.0").graph())
                .hasMessageContaining("leads from 1.0.0 to itself")
                .extracting(e -> ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.RULE_SET_INVALID);
    }

    @Test
    void edgesFromAVersionOnlyARangeCoversComeFromThatRange() {
        VersionGraph graph = TinyGraph.of("p").edge("0.1.0", "1.0.0").edge(">=1.0.0 <2.0.0", "2.0.0").graph();

        assertThat(graph.edgesFrom("p", "1.0.3")).containsExactly(
                new GraphEdge("p", "1.0.3", "2.0.0", ">=1.0.0 <2.0.0", false, List.of("p >=1.0.0 <2.0.0 to 2.0.0 config")));
        assertThat(graph.edgesFrom("p", "0.5.0")).isEmpty();
        assertThat(graph.rules(graph.edgesFrom("p", "1.0.3").get(0))).hasSize(1);
    }

    @Test
    void listsDeclaredProductsWithoutRules() {
        VersionGraph graph = TinyGraph.of("serve").edge("1.0.0", "2.0.0").product("alpha").graph();

        assertThat(graph.products()).containsExactly("alpha", "serve");
        assertThat(graph.versions("alpha")).isEmpty();
        assertThat(graph.versions("nothing")).isEmpty();
        assertThat(graph.graph("nothing")).isEmpty();
    }

    private static VersionGraph small() {
        return TinyGraph.of("serve").edge("0.1.0", "1.0.0").edge(">=1.0.0 <2.0.0", "2.0.0")
                .lossy("2.0.0", "1.0.0").product("wan").graph();
    }

    @Test
    void writesTextWithRangesAndLossyEdgesMarked() {
        assertThat(small().toText()).isEqualTo("""
                serve: 0.1.0, 1.0.0, 2.0.0
                  0.1.0 -> 1.0.0
                  1.0.0 -> 2.0.0 (from >=1.0.0 <2.0.0)
                  2.0.0 -> 1.0.0 [lossy]
                wan: no versions
                """);
    }

    @Test
    void writesDotWithLossyEdgesDashedRedAndLabelled() {
        assertThat(small().toDot()).isEqualTo("""
                digraph versions {
                  rankdir=LR;
                  "serve@0.1.0" [ label="serve 0.1.0" ];
                  "serve@1.0.0" [ label="serve 1.0.0" ];
                  "serve@2.0.0" [ label="serve 2.0.0" ];
                  "serve@0.1.0" -> "serve@1.0.0" [ ];
                  "serve@1.0.0" -> "serve@2.0.0" [ label="from >=1.0.0 <2.0.0" ];
                  "serve@2.0.0" -> "serve@1.0.0" [ label="lossy" style="dashed" color="red" ];
                }
                """);
    }

    @Test
    void writesMermaidWithLossyEdgesDottedAndLabelled() {
        assertThat(small().toMermaid()).isEqualTo("""
                flowchart LR
                  subgraph product_serve["serve"]
                    serve_0_1_0["0.1.0"]
                    serve_1_0_0["1.0.0"]
                    serve_2_0_0["2.0.0"]
                  end
                  subgraph product_wan["wan"]
                  end
                  serve_0_1_0 --> serve_1_0_0
                  serve_1_0_0 -->|"from #gt;=1.0.0 #lt;2.0.0"| serve_2_0_0
                  serve_2_0_0 -.->|"lossy"| serve_1_0_0
                """);
    }

    @Test
    void mermaidNodeIdsStayDistinctWhenVersionsLookAlike() {
        String mermaid = TinyGraph.of("p").edge("1.0.0-rc.1", "1.0.0-rc-1").graph().toMermaid();

        assertThat(mermaid).contains("p_1_0_0_rc_1[\"1.0.0-rc.1\"]", "p_1_0_0_rc_1_2[\"1.0.0-rc-1\"]",
                "p_1_0_0_rc_1 --> p_1_0_0_rc_1_2");
    }

    @Test
    void sameRulesInAnotherOrderGiveTheSameBytes() {
        VersionGraph one = TinyGraph.serve().graph();
        VersionGraph other = TinyGraph.of("serve").edge("2.0.0", "1.0.0").lossy("2.1.0", "2.0.0")
                .edge("2.0.0", "2.1.0").edge("1.0.0", "2.0.0").edge("0.1.0", "1.0.0").graph();

        assertThat(other.toText()).isEqualTo(one.toText());
        assertThat(other.toDot()).isEqualTo(one.toDot());
        assertThat(other.toMermaid()).isEqualTo(one.toMermaid());
    }
}
