package dev.verpath.engine.plan;

import dev.verpath.engine.graph.TinyGraph;
import dev.verpath.engine.plugin.LoadedRuleSet;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.rules.Product;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The version graph's lint: one graph per finding, and the built-in graph clean. */
class GraphLintTest {

    private static List<LintFinding> lint(TinyGraph graph) {
        return GraphLint.check(graph.registry());
    }

    private static LintFinding only(List<LintFinding> findings, String kind) {
        assertThat(findings).extracting(LintFinding::kind).contains(kind);
        return findings.stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void theBuiltInGraphIsClean() {
        assertThat(lint(TinyGraph.serve())).isEmpty();
    }

    @Test
    void versionsFromWhichTheLatestCannotBeReachedAreStrandedAnError() {
        LintFinding f = only(lint(TinyGraph.of("p").edge("1.0.0", "2.0.0").edge("1.5.0", "1.6.0")), "stranded");

        assertThat(f.error()).isTrue();
        assertThat(f.versions()).containsExactly("1.5.0", "1.6.0");
        assertThat(f.message()).contains("2.0.0, the latest version, cannot be reached from 1.5.0, 1.6.0");
    }

    @Test
    void aWayToTheLatestOnlyThroughLossyStepsIsAWarning() {
        LintFinding f = only(lint(TinyGraph.of("p").lossy("1.0.0", "2.0.0")), "lossy-only");

        assertThat(f.error()).isFalse();
        assertThat(f.versions()).containsExactly("1.0.0");
    }

    @Test
    void aDownEdgeWithNoWayBackUpIsNamed() {
        LintFinding f = only(lint(TinyGraph.of("p").edge("1.0.0", "3.0.0").edge("2.0.0", "3.0.0").edge("2.0.0", "1.0.0")),
                "no-way-back");

        assertThat(f.edges()).containsExactly("2.0.0 -> 1.0.0");
    }

    @Test
    void aRangeEdgeEveryCoveredVersionOfWhichHasItsOwnEdgeNeverRuns() {
        TinyGraph g = TinyGraph.of("p").edge("1.0.0", "2.0.0").edge("1.5.0", "2.0.0").edge(">=1.0.0 <2.0.0", "2.0.0");

        LintFinding f = only(lint(g), "shadowed-range");

        assertThat(f.edges()).containsExactly(">=1.0.0 <2.0.0 -> 2.0.0");
        assertThat(f.versions()).containsExactly("1.0.0", "1.5.0");
    }

    @Test
    void aRangeEdgeThatCoversNoKnownVersionIsNamed() {
        LintFinding f = only(lint(TinyGraph.of("p").edge("1.0.0", "2.0.0").edge(">=0.5.0 <0.9.0", "1.0.0")),
                "range-covers-nothing");

        assertThat(f.edges()).containsExactly(">=0.5.0 <0.9.0 -> 1.0.0");
    }

    @Test
    void rangesThatOverlapSoThatTheTieBreakDecidesAreNamed() {
        TinyGraph g = TinyGraph.of("p").edge("1.5.0", "1.6.0").edge("1.6.0", "2.0.0")
                .edge(">=1.0.0 <2.0.0", "2.0.0").edge(">=1.2.0 <1.9.0", "2.0.0");

        LintFinding f = only(lint(g), "overlapping-ranges");

        assertThat(f.versions()).containsExactly("1.5.0", "2.0.0");
        assertThat(f.edges()).hasSize(2);
    }

    @Test
    void anEdgeWhoseRulesComeFromTwoOwnersIsNamedWithBoth() {
        Product product = new Product("p", "The p product.", "config/server.toml", "data", "models");
        TinyGraph.FixedRuleSet first = new TinyGraph.FixedRuleSet("first", List.of(product), List.of(rule("p.config",
                RuleKind.CONFIG)));
        TinyGraph.FixedRuleSet second = new TinyGraph.FixedRuleSet("second", List.of(), List.of(rule("p.data",
                RuleKind.DATA)));
        List<LoadedRuleSet> sets = new ArrayList<>(List.of(new LoadedRuleSet(first, "plugin first"),
                new LoadedRuleSet(second, "plugin second")));

        LintFinding f = only(GraphLint.check(RuleRegistry.of(sets)), "several-owners");

        assertThat(f.owners()).containsExactly("plugin first", "plugin second");
    }

    private static TinyGraph.DescribedRule rule(String id, RuleKind kind) {
        return new TinyGraph.DescribedRule(new RuleDescriptor(id, "Rule " + id, "Migrates for the tests.", "p", "1.0.0",
                "2.0.0", kind, List.of(), false, "1", List.of("config/server.toml")));
    }
}
