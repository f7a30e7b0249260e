package dev.verpath.example;

import dev.verpath.testkit.Fixture;
import dev.verpath.testkit.Fixtures;
import dev.verpath.testkit.MigrationCheck;
import dev.verpath.testkit.RuleMetadata;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's rules through the real engine, with the built-in serve rules beside them: each folder
 * src/test/resources/step-2.1.0-to-2.1.1/<case>/ holds before/ and after/ (or a failure in case.properties).
 */
class ServeHotfixTest {

    static List<Fixture> fixtures() {
        return Fixtures.inTestResources("");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void migratesLikeTheFixtureSays(Fixture fixture, @TempDir Path work) {
        MigrationCheck.ofClassPath().check(fixture, work);
    }

    @Test
    void describesItsRulesProperly() {
        RuleMetadata.assertWellDescribed(new ServeHotfixRuleSet());
    }

    @Test
    void extendsTheServeGraphToTheHotfix() {
        assertThat(MigrationCheck.ofClassPath().versions("serve")).endsWith("2.1.0", "2.1.1");
    }
}
