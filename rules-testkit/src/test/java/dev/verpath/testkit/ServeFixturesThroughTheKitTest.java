package dev.verpath.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verpath.builtin.ServeRuleSet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The built-in serve fixtures, run through the kit: it reads them as the serve module's own harness does. */
class ServeFixturesThroughTheKitTest {

    static List<Fixture> fixtures() {
        return Fixtures.in(Path.of("..", "rules-builtin", "src", "test", "resources"));
    }

    @Test
    void findsTheServeFixturesWithTheirOptions() {
        assertThat(fixtures()).hasSizeGreaterThan(10);
        assertThat(Fixtures.named(fixtures(), "step-0.1.0-to-1.0.0/optimize").options())
                .satisfies(o -> assertThat(o.optimize()).isTrue())
                .satisfies(o -> assertThat(o.counters()).containsKey("bytes_saved"))
                .satisfies(o -> assertThat(o.sameFiles()).hasSize(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void migratesLikeTheFixtureSays(Fixture fixture, @TempDir Path work) {
        MigrationCheck.ofBuiltIns(new ServeRuleSet()).withProduct("serve").check(fixture, work);
    }

    @Test
    void theServeRulesDescribeThemselves() {
        assertThat(RuleMetadata.problems(new ServeRuleSet())).isEmpty();
    }
}
