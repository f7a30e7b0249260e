package dev.verpath.engine.plan;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.graph.TinyGraph;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.RuleKind;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FewestStepsPlannerTest {

    private static final FewestStepsPlanner SERVE = new FewestStepsPlanner(TinyGraph.serve().graph());

    private static AbstractThrowableAssert<?, ? extends Throwable> failsWith(ErrorCode code, Runnable call) {
        return assertThatThrownBy(call::run).isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(code));
    }

    @Test
    void walksTheServeChainUp() {
        MigrationPlan plan = SERVE.plan("serve", "0.1.0", "2.1.0", false);

        assertThat(plan.versions()).containsExactly("0.1.0", "1.0.0", "2.0.0", "2.1.0");
        assertThat(plan.steps()).extracting(PlanStep::edgeFrom).containsExactly("0.1.0", "1.0.0", "2.0.0");
        assertThat(plan.lossy()).isFalse();
        assertThat(plan.alternatives()).isEmpty();
        assertThat(plan.estimate()).isEmpty();
    }

    @Test
    void goesDownThroughTheLosslessDownEdgeButNeverBelowIt() {
        assertThat(SERVE.plan("serve", "2.0.0", "1.0.0", false).versions()).containsExactly("2.0.0", "1.0.0");

        failsWith(ErrorCode.NO_PATH, () -> SERVE.plan("serve", "2.0.0", "0.1.0", true))
                .hasMessage("no path from 2.0.0 to 0.1.0 of serve; versions reachable from 2.0.0: 1.0.0, 2.1.0;"
                        + " give one of them with --to");
    }

    @Test
    void refusesTheLossyDownEdgeUnlessAllowedAndSaysHowToTakeIt() {
        failsWith(ErrorCode.NO_PATH, () -> SERVE.plan("serve", "2.1.0", "1.0.0", false))
                .hasMessage("no path from 2.1.0 to 1.0.0 of serve without lossy steps; a lossy path exists"
                        + " (2.1.0 -> 2.0.0 -> 1.0.0): pass --allow-lossy to take it");

        MigrationPlan allowed = SERVE.plan("serve", "2.1.0", "1.0.0", true);
        assertThat(allowed.versions()).containsExactly("2.1.0", "2.0.0", "1.0.0");
        assertThat(allowed.steps()).extracting(PlanStep::lossy).containsExactly(true, false);
        assertThat(allowed.lossy()).isTrue();
    }

    @Test
    void findsThePathRoomsGreedyWalkMisses() {
        FewestStepsPlanner planner = new FewestStepsPlanner(TinyGraph.of("room")
                .edge("1.0.0", "3.0.0").edge("1.0.0", "2.0.0").edge("2.0.0", "5.0.0").graph());

        assertThat(planner.plan("room", "1.0.0", "5.0.0", false).versions()).containsExactly("1.0.0", "2.0.0", "5.0.0");
    }

    @Test
    void takesFewestStepsNotTheFirstOrLargestJump() {
        FewestStepsPlanner planner = new FewestStepsPlanner(TinyGraph.of("p")
                .edge("1.0.0", "1.1.0").edge("1.1.0", "1.2.0").edge("1.2.0", "2.0.0")
                .edge("1.0.0", "1.5.0").edge("1.5.0", "2.0.0").edge("1.0.0", "3.0.0").graph());

        MigrationPlan plan = planner.plan("p", "1.0.0", "2.0.0", false);

        assertThat(plan.versions()).containsExactly("1.0.0", "1.5.0", "2.0.0");
        assertThat(plan.alternatives()).containsExactly(List.of("1.0.0", "1.1.0", "1.2.0", "2.0.0"));
    }

    @Test
    void cyclesNeitherLoopNorAppearInAlternatives() {
        FewestStepsPlanner planner = new FewestStepsPlanner(TinyGraph.of("p")
                .edge("1.0.0", "2.0.0").edge("2.0.0", "1.0.0").edge("2.0.0", "3.0.0").edge("3.0.0", "1.0.0").graph());

        MigrationPlan plan = planner.plan("p", "1.0.0", "3.0.0", false);

        assertThat(plan.versions()).containsExactly("1.0.0", "2.0.0", "3.0.0");
        assertThat(plan.alternatives()).isEmpty();
        assertThat(planner.plan("p", "3.0.0", "2.0.0", false).versions()).containsExactly("3.0.0", "1.0.0", "2.0.0");
        assertThat(planner.newestReachable("p", "1.0.0", false)).contains("3.0.0");
    }

    @Test
    void unreachableTargetNamesTheReachableVersions() {
        FewestStepsPlanner planner = new FewestStepsPlanner(TinyGraph.of("p")
                .edge("1.0.0", "2.0.0").edge("3.0.0", "4.0.0").graph());

        failsWith(ErrorCode.NO_PATH, () -> planner.plan("p", "1.0.0", "4.0.0", true))
                .hasMessage("no path from 1.0.0 to 4.0.0 of p; versions reachable from 1.0.0: 2.0.0; give one of them with --to");
        failsWith(ErrorCode.NO_PATH, () -> planner.plan("p", "2.0.0", "3.0.0", false))
                .hasMessage("no path from 2.0.0 to 3.0.0 of p; no version can be reached from 2.0.0:"
                        + " install a plugin with rules that lead from it");
    }

    @Test
    void tiesGoToTheSmallestVersionsWhateverTheRuleOrder() {
        TinyGraph oneWay = TinyGraph.of("p")
                .rule("a", RuleKind.CONFIG, "1.0.0", "1.5.0", false, List.of())
                .rule("b", RuleKind.CONFIG, "1.5.0", "2.0.0", false, List.of())
                .rule("y", RuleKind.CONFIG, "1.0.0", "1.2.0", false, List.of())
                .rule("z", RuleKind.CONFIG, "1.2.0", "2.0.0", false, List.of());
        TinyGraph otherWay = TinyGraph.of("p")
                .rule("z", RuleKind.CONFIG, "1.0.0", "1.5.0", false, List.of())
                .rule("y", RuleKind.CONFIG, "1.5.0", "2.0.0", false, List.of())
                .rule("b", RuleKind.CONFIG, "1.0.0", "1.2.0", false, List.of())
                .rule("a", RuleKind.CONFIG, "1.2.0", "2.0.0", false, List.of());

        for (TinyGraph tiny : List.of(oneWay, otherWay)) {
            MigrationPlan plan = new FewestStepsPlanner(tiny.registry()).plan("p", "1.0.0", "2.0.0", false);
            assertThat(plan.versions()).containsExactly("1.0.0", "1.2.0", "2.0.0");
            assertThat(plan.alternatives()).containsExactly(List.of("1.0.0", "1.5.0", "2.0.0"));
        }
    }

    @Test
    void lossyShortcutIsTakenOnlyWhenAllowed() {
        FewestStepsPlanner planner = new FewestStepsPlanner(TinyGraph.of("p")
                .lossy("1.0.0", "3.0.0").edge("1.0.0", "2.0.0").edge("2.0.0", "3.0.0").graph());

        MigrationPlan safe = planner.plan("p", "1.0.0", "3.0.0", false);
        assertThat(safe.versions()).containsExactly("1.0.0", "2.0.0", "3.0.0");
        assertThat(safe.alternatives()).isEmpty();

        MigrationPlan lossy = planner.plan("p", "1.0.0", "3.0.0", true);
        assertThat(lossy.versions()).containsExactly("1.0.0", "3.0.0");
        assertThat(lossy.lossy()).isTrue();
        assertThat(lossy.alternatives()).containsExactly(List.of("1.0.0", "2.0.0", "3.0.0"));
    }

    @Test
    void equallyShortLosslessPathBeatsALossyOneEvenWhenAllowed() {
        FewestStepsPlanner planner = new FewestStepsPlanner(TinyGraph.of("p")
                .lossy("1.0.0", "1.1.0").edge("1.1.0", "2.0.0").edge("1.0.0", "1.9.0").edge("1.9.0", "2.0.0").graph());

        MigrationPlan plan = planner.plan("p", "1.0.0", "2.0.0", true);

        assertThat(plan.versions()).containsExactly("1.0.0", "1.9.0", "2.0.0");
        assertThat(plan.lossy()).isFalse();
        assertThat(plan.alternatives()).containsExactly(List.of("1.0.0", "1.1.0", "2.0.0"));
    }

    @Test
    void alternativesAreFewestStepsFirstAtMostTwoStepsLongerAndAtMostFive() {
        TinyGraph tiny = TinyGraph.of("p").edge("1.0.0", "2.0.0")
                .edge("1.0.0", "1.0.1").edge("1.0.1", "1.0.2").edge("1.0.2", "1.0.3").edge("1.0.3", "2.0.0");
        for (int minor = 1; minor <= 7; minor++) {
            tiny.edge("1.0.0", "1." + minor + ".0").edge("1." + minor + ".0", "2.0.0");
        }
        MigrationPlan plan = new FewestStepsPlanner(tiny.graph()).plan("p", "1.0.0", "2.0.0", false);

        assertThat(plan.versions()).containsExactly("1.0.0", "2.0.0");
        assertThat(plan.alternatives()).containsExactly(
                List.of("1.0.0", "1.1.0", "2.0.0"),
                List.of("1.0.0", "1.2.0", "2.0.0"),
                List.of("1.0.0", "1.3.0", "2.0.0"),
                List.of("1.0.0", "1.4.0", "2.0.0"),
                List.of("1.0.0", "1.5.0", "2.0.0"));

        MigrationPlan fewer = new FewestStepsPlanner(TinyGraph.of("p").edge("1.0.0", "2.0.0")
                .edge("1.0.0", "1.0.1").edge("1.0.1", "1.0.2").edge("1.0.2", "2.0.0")
                .edge("1.0.0", "1.1.0").edge("1.1.0", "1.1.1").edge("1.1.1", "1.1.2").edge("1.1.2", "2.0.0").graph())
                .plan("p", "1.0.0", "2.0.0", false);
        assertThat(fewer.alternatives()).containsExactly(List.of("1.0.0", "1.0.1", "1.0.2", "2.0.0"));
    }

    @Test
    void stepsCarryTheirRulesInKindOrderAndBreakingChangesOnce() {
        FewestStepsPlanner planner = new FewestStepsPlanner(TinyGraph.of("p")
                .rule("p.model", RuleKind.MODEL, "1.0.0", "2.0.0", false, List.of("weights move", "port changes"))
                .rule("p.data.b", RuleKind.DATA, "1.0.0", "2.0.0", false, List.of("port changes"))
                .rule("p.data.a", RuleKind.DATA, "1.0.0", "2.0.0", false, List.of())
                .rule("p.config", RuleKind.CONFIG, "1.0.0", "2.0.0", false, List.of("keys renamed", "port changes"))
                .graph());

        PlanStep step = planner.plan("p", "1.0.0", "2.0.0", false).steps().get(0);

        assertThat(step.rules()).extracting(r -> r.descriptor().id()).containsExactly("p.config", "p.data.a", "p.data.b", "p.model");
        assertThat(step.breakingChanges()).containsExactly("keys renamed", "port changes", "weights move");
        assertThat(step.rules(RuleKind.DATA)).hasSize(2);
        assertThat(step.from()).isEqualTo("1.0.0");
        assertThat(step.to()).isEqualTo("2.0.0");
    }

    @Test
    void sameSourceAndTargetIsAnEmptyPlan() {
        MigrationPlan plan = SERVE.plan("serve", "2.1.0", "2.1.0", false);

        assertThat(plan.steps()).isEmpty();
        assertThat(plan.alternatives()).isEmpty();
        assertThat(plan.versions()).containsExactly("2.1.0");
    }

    @Test
    void versionOnlyARangeCoversIsPlannedFromTheRangeEdge() {
        FewestStepsPlanner planner = new FewestStepsPlanner(TinyGraph.of("serve").edge("0.1.0", "1.0.0")
                .edge(">=1.0.0 <2.0.0", "2.0.0").edge("2.0.0", "2.1.0").graph());

        MigrationPlan plan = planner.plan("serve", "1.0.3", "2.1.0", false);

        assertThat(plan.from()).isEqualTo("1.0.3");
        assertThat(plan.versions()).containsExactly("1.0.3", "2.0.0", "2.1.0");
        assertThat(plan.steps().get(0).edgeFrom()).isEqualTo(">=1.0.0 <2.0.0");
        assertThat(plan.steps().get(0).rules()).extracting(r -> r.descriptor().id())
                .containsExactly("serve >=1.0.0 <2.0.0 to 2.0.0 config");
        assertThat(planner.newestReachable("serve", "1.0.3", false)).contains("2.1.0");
        assertThat(planner.plan("serve", "1.0.0", "2.0.0", false).steps().get(0).edgeFrom()).isEqualTo(">=1.0.0 <2.0.0");
        assertThat(planner.graph().versions("serve")).doesNotContain("1.0.3");
    }

    @Test
    void edgeDeclaredForTheVersionBeatsARangeEdgeBesideIt() {
        FewestStepsPlanner planner = new FewestStepsPlanner(TinyGraph.of("p")
                .edge(">=1.0.0 <2.0.0", "2.0.0").edge("1.0.0", "2.0.0").graph());

        assertThat(planner.plan("p", "1.0.0", "2.0.0", false).steps().get(0).edgeFrom()).isEqualTo("1.0.0");
    }

    @Test
    void newestReachableIsTheDefaultTargetAndNeverADowngrade() {
        assertThat(SERVE.newestReachable("serve", "0.1.0", false)).contains("2.1.0");
        assertThat(SERVE.newestReachable("serve", "2.1.0", true)).isEmpty();

        FewestStepsPlanner lossyUp = new FewestStepsPlanner(TinyGraph.of("p").edge("1.0.0", "2.0.0").lossy("2.0.0", "3.0.0").graph());
        assertThat(lossyUp.newestReachable("p", "1.0.0", false)).contains("2.0.0");
        assertThat(lossyUp.newestReachable("p", "1.0.0", true)).contains("3.0.0");
        assertThat(lossyUp.newestReachable("p", "3.0.0", true)).isEqualTo(Optional.empty());
    }

    @Test
    void unknownProductListsTheKnownOnes() {
        FewestStepsPlanner planner = new FewestStepsPlanner(TinyGraph.serve().product("wan").graph());

        failsWith(ErrorCode.NO_PATH, () -> planner.plan("nope", "1.0.0", "2.0.0", false))
                .hasMessage("unknown product nope; known products: serve, wan; give one of them with --product");
        failsWith(ErrorCode.NO_PATH, () -> planner.newestReachable("nope", "1.0.0", false))
                .hasMessageStartingWith("unknown product nope;");
    }

    @Test
    void unknownVersionsListTheKnownOnes() {
        failsWith(ErrorCode.NO_PATH, () -> SERVE.plan("serve", "1.0.0", "9.9.9", false))
                .hasMessage("unknown version 9.9.9 of serve; known versions: 0.1.0, 1.0.0, 2.0.0, 2.1.0; give one of them with --to");
        failsWith(ErrorCode.NO_PATH, () -> SERVE.plan("serve", "1.5.0", "2.1.0", false))
                .hasMessage("unknown version 1.5.0 of serve; known versions: 0.1.0, 1.0.0, 2.0.0, 2.1.0; give one of them with --from");
    }

    @Test
    void sourceOutsideEveryRangeNamesTheRangesBesideTheKnownVersions() {
        FewestStepsPlanner ranged = new FewestStepsPlanner(TinyGraph.of("p").edge(">=1.0.0 <1.1.0", "2.0.0")
                .edge("2.0.0", "3.0.0").graph());

        failsWith(ErrorCode.NO_PATH, () -> ranged.plan("p", "1.1.0", "3.0.0", false))
                .hasMessage("unknown version 1.1.0 of p; known versions: 2.0.0, 3.0.0; no range edge covers it (ranges:"
                        + " >=1.0.0 <1.1.0 -> 2.0.0); give a known version, or one a range covers, with --from");
        failsWith(ErrorCode.NO_PATH, () -> SERVE.plan("serve", "1.5.0", "2.1.0", false))
                .hasMessageEndingWith("known versions: 0.1.0, 1.0.0, 2.0.0, 2.1.0; give one of them with --from");
    }

    @Test
    void sourceNewerThanEveryKnownVersionIsRefused() {
        failsWith(ErrorCode.NO_PATH, () -> SERVE.plan("serve", "9.9.9", "2.1.0", false))
                .hasMessage("version 9.9.9 of serve is newer than every known version (newest 2.1.0);"
                        + " known versions: 0.1.0, 1.0.0, 2.0.0, 2.1.0; use a migrate or a plugin that knows 9.9.9");
        FewestStepsPlanner openRange = new FewestStepsPlanner(TinyGraph.of("p").edge(">=2.0.0", "1.0.0").edge("1.0.0", "2.0.0").graph());
        failsWith(ErrorCode.NO_PATH, () -> openRange.newestReachable("p", "3.0.0", true))
                .hasMessageContaining("newer than every known version");
    }

    @Test
    void invalidVersionTextIsAUsageErrorNamingIt() {
        failsWith(ErrorCode.USAGE, () -> SERVE.plan("serve", "1.x", "2.1.0", false)).hasMessageContaining("'1.x'");
        failsWith(ErrorCode.USAGE, () -> SERVE.plan("serve", "1.0.0", "two", false)).hasMessageContaining("'two'");
    }
}
