package dev.verpath.engine.plan;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.graph.TinyGraph;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.rules.EdgeRisk;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RiskCondition;
import dev.verpath.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Known risks of edges, evaluated on a real installation folder: a risk that applies, one that does not, one whose
 * condition throws (blocked: fail closed), one accepted by name, none evaluated without an installation; the plan
 * goes around a blocked edge and says so, and with no way around the failure names the risk and how to accept it.
 */
class EdgeRisksTest {

    @TempDir
    Path root;

    /** toy: 1.0.0 -> 2.0.0 directly (the risky edge), or 1.0.0 -> 1.5.0 -> 2.0.0 around it. */
    private static RuleRegistry toy(RiskCondition condition, boolean detour) {
        TinyGraph tiny = TinyGraph.of("toy").edge("1.0.0", "2.0.0");
        if (detour) {
            tiny.edge("1.0.0", "1.5.0").edge("1.5.0", "2.0.0");
        }
        RuleRegistry base = tiny.registry();
        RuleSet set = base.ruleSets().get(0).ruleSet();
        RuleSet risky = new RuleSet() {
            @Override
            public String id() {
                return set.id();
            }

            @Override
            public List<Product> products() {
                return set.products();
            }

            @Override
            public List<MigrationRule> rules() {
                return set.rules();
            }

            @Override
            public List<EdgeRisk> risks() {
                return List.of(EdgeRisk.of("toy", "1.0.0", "2.0.0", "toy-old-cache",
                        "cache/ holds the old format; clear it first", condition).withUrl("https://example.org/toy"));
            }
        };
        return RuleRegistry.ofBuiltIns(risky);
    }

    private MigrationPlan plan(RuleRegistry registry, Set<String> accepted) {
        List<RiskResult> risks = EdgeRisks.evaluate(registry, "toy", Optional.of(EdgeRisks.facts(root, "toy", "1.0.0",
                name -> Optional.empty())), accepted);
        return RiskPlanning.planTo(new FewestStepsPlanner(registry.graph()), "toy", "1.0.0", Optional.of("2.0.0"), false,
                risks);
    }

    @Test
    void aRiskThatAppliesBlocksItsEdgeAndThePlanGoesAroundSayingSo() throws IOException {
        Files.createDirectories(root.resolve("cache"));

        MigrationPlan plan = plan(toy(facts -> facts.exists("cache"), true), Set.of());

        assertThat(plan.versions()).containsExactly("1.0.0", "1.5.0", "2.0.0");
        assertThat(plan.risks().results()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RiskResult.Outcome.APPLIES);
            assertThat(r.blocks()).isTrue();
            assertThat(r.url()).contains("https://example.org/toy");
        });
        assertThat(plan.risks().detour()).extracting(RiskResult::name).containsExactly("toy-old-cache");
        assertThat(plan.risks().bestSteps()).contains(1);
    }

    @Test
    void aRiskThatDoesNotApplyLeavesTheShortestPath() {
        MigrationPlan plan = plan(toy(facts -> facts.exists("cache"), true), Set.of());

        assertThat(plan.versions()).containsExactly("1.0.0", "2.0.0");
        assertThat(plan.risks().results()).extracting(RiskResult::outcome).containsExactly(RiskResult.Outcome.CLEAR);
        assertThat(plan.risks().detour()).isEmpty();
    }

    @Test
    void aConditionThatThrowsBlocksTheEdgeAndSaysWhy() throws IOException {
        Files.writeString(root.resolve("settings.toml"), "this is = = not toml\n");

        MigrationPlan plan = plan(toy(facts -> facts.configValue("settings.toml", "cache.format").isPresent(), true),
                Set.of());

        assertThat(plan.versions()).containsExactly("1.0.0", "1.5.0", "2.0.0");
        assertThat(plan.risks().results()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RiskResult.Outcome.UNDECIDED);
            assertThat(r.reason()).isPresent();
        });
    }

    @Test
    void anAcceptedRiskLetsTheEdgeBeTaken() throws IOException {
        Files.createDirectories(root.resolve("cache"));

        MigrationPlan plan = plan(toy(facts -> facts.exists("cache"), true), Set.of("toy-old-cache"));

        assertThat(plan.versions()).containsExactly("1.0.0", "2.0.0");
        assertThat(plan.risks().accepted()).containsExactly("toy-old-cache");
    }

    @Test
    void withNoWayAroundTheFailureNamesTheRiskAndHowToAcceptIt() throws IOException {
        Files.createDirectories(root.resolve("cache"));
        RuleRegistry registry = toy(facts -> facts.exists("cache"), false);

        assertThatThrownBy(() -> plan(registry, Set.of())).isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.NO_PATH))
                .hasMessageContaining("toy 1.0.0 -> 2.0.0: every path takes an edge blocked for this installation:"
                        + " 1.0.0 -> 2.0.0 by risk toy-old-cache (cache/ holds the old format; clear it first)")
                .hasMessageEndingWith("--accept-risk toy-old-cache");
    }

    @Test
    void withoutAnInstallationNothingIsEvaluatedAndNothingBlocked() {
        RuleRegistry registry = toy(facts -> {
            throw new AssertionError("never evaluated without an installation");
        }, true);

        List<RiskResult> risks = EdgeRisks.evaluate(registry, "toy", Optional.empty(), Set.of());
        MigrationPlan plan = RiskPlanning.planTo(new FewestStepsPlanner(registry.graph()), "toy", "1.0.0",
                Optional.empty(), false, risks);

        assertThat(plan.versions()).containsExactly("1.0.0", "2.0.0");
        assertThat(risks).extracting(RiskResult::outcome).containsExactly(RiskResult.Outcome.NOT_EVALUATED);
    }

    @Test
    void factsNeverLeaveTheInstallation() {
        assertThatThrownBy(() -> EdgeRisks.facts(root, "toy", "1.0.0", name -> Optional.empty()).exists("../etc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaves the installation");
    }
}
