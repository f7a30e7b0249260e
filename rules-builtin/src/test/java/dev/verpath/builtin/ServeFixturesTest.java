package dev.verpath.builtin;

import dev.verpath.testkit.Fixture;
import dev.verpath.testkit.Fixtures;
import dev.verpath.testkit.MigrationCheck;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The before/after fixtures of the serve rules, {@code src/test/resources/{step,path}-<from>-to-<to>/<case>/},
 * run through the real engine by the test kit: each migrated copy of {@code before/} equals {@code after/}
 * (or fails with the text of {@code case.properties}), reports its warnings and counters, changes nothing
 * when migrated again, and rolls back to {@code before/}.
 */
class ServeFixturesTest {

    static List<Fixture> fixtures() {
        return Fixtures.inTestResources("");
    }

    @Test
    void findsTheFixturesWithTheirOptions() {
        assertThat(fixtures()).hasSizeGreaterThan(10);
        assertThat(Fixtures.named(fixtures(), "step-0.1.0-to-1.0.0/optimize").options())
                .satisfies(o -> assertThat(o.optimize()).isTrue())
                .satisfies(o -> assertThat(o.counters()).containsEntry("bytes_saved", 52L))
                .satisfies(o -> assertThat(o.sameFiles()).containsExactly(
                        List.of("models/a/model.safetensors", "models/b/extra.bin")));
        assertThat(Fixtures.named(fixtures(), "step-2.1.0-to-2.0.0/needs-allow-lossy").options().failure())
                .contains("pass --allow-lossy to take it");
        assertThat(Fixtures.named(fixtures(), "step-2.1.0-to-2.0.0/custom-streaming").options())
                .satisfies(o -> assertThat(o.allowLossy()).isTrue())
                .satisfies(o -> assertThat(o.warnings()).containsExactly("key streaming.chunk_size = 64 dropped"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void migratesLikeTheFixtureSays(Fixture fixture, @TempDir Path work) {
        MigrationCheck.ofBuiltIns(new ServeRuleSet()).withProduct(ServeLayout.PRODUCT).check(fixture, work);
    }
}
