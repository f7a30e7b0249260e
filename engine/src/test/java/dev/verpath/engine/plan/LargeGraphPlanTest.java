package dev.verpath.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verpath.engine.graph.TinyGraph;
import dev.verpath.engine.graph.VersionGraph;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A product with a long history, the shape bench/plan.sh measures (bench/plan-plugin): 10,000 versions {@code M.m.0}
 * (M, m in 0..99), from each the edges to the versions 1, 2, 3, 7, 10, 30, 100, 300, 1,000 and 3,000 places later, a
 * range edge a major ({@code >=M.0.0 <M+1.0.0 -> M+1.50.0}, laid on its 100 versions) and a lossy way down from each
 * major's first version: 105,546 edges. The plans are asserted exactly (their time is bench/plan.sh's business).
 */
class LargeGraphPlanTest {

    private static final int[] JUMPS = {1, 2, 3, 7, 10, 30, 100, 300, 1000, 3000};

    private static VersionGraph graph;

    @BeforeAll
    static void generate() {
        graph = atlas().graph();
    }

    /** @return the graph the tests plan in: here built from the rules */
    VersionGraph graph() {
        return graph;
    }

    /** @return the rules of the 10,000-version product */
    static TinyGraph atlas() {
        TinyGraph atlas = TinyGraph.of("atlas");
        for (int i = 0; i < 10_000; i++) {
            for (int jump : JUMPS) {
                if (i + jump < 10_000) {
                    atlas.edge(version(i), version(i + jump));
                }
            }
        }
        for (int major = 0; major < 99; major++) {
            atlas.edge(">=" + major + ".0.0 <" + (major + 1) + ".0.0", (major + 1) + ".50.0");
        }
        for (int major = 1; major < 100; major++) {
            atlas.lossy(major + ".0.0", (major - 1) + ".0.0");
        }
        return atlas;
    }

    private static String version(int index) {
        return (index / 100) + "." + (index % 100) + ".0";
    }

    @Test
    void hasEveryVersionAndEdge() {
        assertThat(graph().versions("atlas")).hasSize(10_000).startsWith("0.0.0", "0.1.0").endsWith("99.98.0", "99.99.0");
        assertThat(graph().edges("atlas")).hasSize(105_546);
        assertThat(graph().edgesFrom("atlas", "12.34.0")).extracting(e -> e.to() + " from " + e.declaredFrom()).containsExactly(
                "12.35.0 from 12.34.0", "12.36.0 from 12.34.0", "12.37.0 from 12.34.0", "12.41.0 from 12.34.0",
                "12.44.0 from 12.34.0", "12.64.0 from 12.34.0", "13.34.0 from 12.34.0", "13.50.0 from >=12.0.0 <13.0.0",
                "15.34.0 from 12.34.0", "22.34.0 from 12.34.0", "42.34.0 from 12.34.0");
    }

    @Test
    void plansFromTheFirstToTheNewestWithTheSameTiesAndAlternatives() {
        MigrationPlan plan = new FewestStepsPlanner(graph()).planTo("atlas", "0.0.0", Optional.empty(), false);

        assertThat(plan.versions()).containsExactly("0.0.0", "0.2.0", "0.9.0", "0.39.0", "0.69.0", "0.99.0", "3.99.0",
                "6.99.0", "9.99.0", "39.99.0", "69.99.0", "99.99.0");
        assertThat(plan.steps()).extracting(PlanStep::edgeFrom).containsExactly("0.0.0", "0.2.0", "0.9.0", "0.39.0",
                "0.69.0", "0.99.0", "3.99.0", "6.99.0", "9.99.0", "39.99.0", "69.99.0");
        assertThat(plan.alternatives()).containsExactly(
                List.of("0.0.0", "0.2.0", "0.9.0", "0.39.0", "0.69.0", "0.99.0", "3.99.0", "6.99.0", "36.99.0", "39.99.0",
                        "69.99.0", "99.99.0"),
                List.of("0.0.0", "0.2.0", "0.9.0", "0.39.0", "0.69.0", "0.99.0", "3.99.0", "6.99.0", "36.99.0", "66.99.0",
                        "69.99.0", "99.99.0"),
                List.of("0.0.0", "0.2.0", "0.9.0", "0.39.0", "0.69.0", "0.99.0", "3.99.0", "6.99.0", "36.99.0", "66.99.0",
                        "96.99.0", "99.99.0"),
                List.of("0.0.0", "0.2.0", "0.9.0", "0.39.0", "0.69.0", "0.99.0", "3.99.0", "33.99.0", "36.99.0", "39.99.0",
                        "69.99.0", "99.99.0"),
                List.of("0.0.0", "0.2.0", "0.9.0", "0.39.0", "0.69.0", "0.99.0", "3.99.0", "33.99.0", "36.99.0", "66.99.0",
                        "69.99.0", "99.99.0"));
    }

    @Test
    void plansAChainOfTwentyThousandStepsWithItsAlternatives() {
        TinyGraph chain = TinyGraph.of("chain");
        for (int i = 0; i < 20_000; i++) {
            chain.edge("1.0." + i, "1.0." + (i + 1));
        }
        chain.edge("1.0.0", "1.0.2");

        MigrationPlan plan = new FewestStepsPlanner(chain.graph()).planTo("chain", "1.0.0", Optional.empty(), false);

        assertThat(plan.to()).isEqualTo("1.0.20000");
        assertThat(plan.steps()).hasSize(19_999).first().extracting(PlanStep::to).isEqualTo("1.0.2");
        assertThat(plan.alternatives()).hasSize(1).first().satisfies(p -> assertThat(p).hasSize(20_001).startsWith("1.0.0",
                "1.0.1", "1.0.2"));
    }

    @Test
    void plansWithinAMajorAndDownThroughLossySteps() {
        FewestStepsPlanner planner = new FewestStepsPlanner(graph());

        MigrationPlan within = planner.plan("atlas", "12.34.0", "13.0.0", false);
        assertThat(within.versions()).containsExactly("12.34.0", "12.37.0", "12.40.0", "12.70.0", "13.0.0");
        assertThat(within.alternatives()).containsExactly(
                List.of("12.34.0", "12.37.0", "12.67.0", "12.70.0", "13.0.0"),
                List.of("12.34.0", "12.37.0", "12.67.0", "12.97.0", "13.0.0"),
                List.of("12.34.0", "12.64.0", "12.67.0", "12.70.0", "13.0.0"),
                List.of("12.34.0", "12.64.0", "12.67.0", "12.97.0", "13.0.0"),
                List.of("12.34.0", "12.64.0", "12.94.0", "12.97.0", "13.0.0"));

        MigrationPlan down = planner.plan("atlas", "50.0.0", "10.0.0", true);
        assertThat(down.steps()).hasSize(40).allMatch(PlanStep::lossy);
        assertThat(down.versions()).startsWith("50.0.0", "49.0.0").endsWith("11.0.0", "10.0.0");
        assertThat(down.alternatives()).isEmpty();
    }
}
