package dev.verpath.testkit;

import dev.verpath.engine.plan.GraphLint;
import dev.verpath.engine.plan.LintFinding;
import dev.verpath.engine.plugin.LoadedRuleSet;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.rules.RuleSet;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The lint of {@code migrate graph --check}, for a plugin team's own build: the version graph its rule sets make
 * (each set named by its id as the owner), checked for versions from which the product's latest version cannot be
 * reached (errors), and for lossy-only paths, versions without edges, down edges with no way back, range edges that
 * never run or overlap, and edges whose rules come from several owners (warnings).
 *
 * <pre>{@code
 * @Test
 * void theVersionGraphHasNoStrandedVersion() {
 *     VersionGraphCheck.assertNoErrors(new GatewayRules());
 * }
 * }</pre>
 */
public final class VersionGraphCheck {

    private VersionGraphCheck() {
    }

    /**
     * @param sets the rule sets, together (a set adding edges to another's product goes with it)
     * @return every finding, errors and warnings
     */
    public static List<GraphFinding> findings(RuleSet... sets) {
        List<LintFinding> found = GraphLint.check(RuleRegistry.of(Arrays.stream(sets)
                .map(s -> new LoadedRuleSet(s, s.id())).toList()));
        return found.stream().map(f -> new GraphFinding(f.severity(), f.kind(), f.product(), f.versions(), f.edges(),
                f.owners(), f.message())).toList();
    }

    /**
     * Fails listing every finding when any is an error.
     *
     * @param sets the rule sets
     * @throws AssertionError naming each finding and how to fix it
     */
    public static void assertNoErrors(RuleSet... sets) {
        List<GraphFinding> findings = findings(sets);
        if (findings.stream().anyMatch(GraphFinding::error)) {
            throw new AssertionError("the version graph has errors:\n" + findings.stream().map(f -> "  " + f.severity()
                    + " " + f.kind() + ": " + f.message()).collect(Collectors.joining("\n")));
        }
    }
}
