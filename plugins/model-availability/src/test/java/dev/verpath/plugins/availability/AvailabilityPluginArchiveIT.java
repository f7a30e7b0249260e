package dev.verpath.plugins.availability;

import dev.verpath.testkit.Fixtures;
import dev.verpath.testkit.PluginArchiveCheck;
import java.nio.file.Path;
import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin archive the reactor built, loaded as {@code migrate} loads it (see {@link PluginArchiveCheck}). The
 * module's own classes are left off this test's class path (see the pom), so the rules come from the archive
 * alone; this test therefore names them by string.
 */
class AvailabilityPluginArchiveIT {

    private static final PluginArchiveCheck ARCHIVE =
            PluginArchiveCheck.of(Path.of(System.getProperty("plugin.archive", "target/missing.jar")));
    private static final String PACKAGE = "dev.verpath.plugins.availability.";

    @TempDir
    Path temp;

    @Test
    void declaresThePluginInItsManifestAndBundlesOnlyItsOwnClasses() {
        Attributes manifest = ARCHIVE.checkContents("model-availability", PACKAGE + "ModelAvailabilityPlugin",
                PACKAGE + "AvailabilityRuleSet");

        assertThat(manifest.getValue("Plugin-Provider")).isEqualTo("Verpath");
        assertThat(manifest.getValue("Verpath-Rules-Api")).isEqualTo(">=" + dev.verpath.rules.RulesApi.VERSION + " <3.0.0");
    }

    @Test
    void loadsThroughTheEnginesPluginLoaderAndMigratesTheFixture() {
        ARCHIVE.load("model-availability", temp)
                .check(Fixtures.named(Fixtures.inTestResources(""), "step-1.0.0-to-2.0.0/basic-system"), temp.resolve("work"));
    }
}
