package dev.verpath.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServeFixturesTest {

    static List<FixtureRun> fixtures() {
        return FixtureRun.all();
    }

    @Test
    void findsTheFixtures() {
        assertThat(fixtures()).hasSizeGreaterThan(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void migratesLikeTheFixtureSays(FixtureRun fixture, @TempDir Path work) throws IOException {
        fixture.check(work);
    }
}
