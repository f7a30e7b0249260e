package dev.verpath.plugins.wan;

import dev.verpath.rules.FlagDescriptor;
import dev.verpath.testkit.Fixtures;
import dev.verpath.testkit.MigrationCheck;
import dev.verpath.testkit.PluginArchiveCheck;
import java.nio.file.Path;
import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin archive the reactor built, loaded as {@code migrate} loads it (see {@link PluginArchiveCheck}). The
 * module's own classes are left off this test's class path (see the pom), so the wan rules come from the archive
 * alone; this test therefore names them by string.
 */
class WanPluginArchiveIT {

    private static final PluginArchiveCheck ARCHIVE =
            PluginArchiveCheck.of(Path.of(System.getProperty("plugin.archive", "target/missing.jar")));
    private static final String PACKAGE = "dev.verpath.plugins.wan.";

    @TempDir
    Path temp;

    @Test
    void declaresThePluginInItsManifestAndBundlesOnlyItsOwnClasses() {
        Attributes manifest = ARCHIVE.checkContents("wan-orchestrator", PACKAGE + "WanOrchestratorPlugin", PACKAGE + "WanRuleSet");

        assertThat(manifest.getValue("Plugin-Provider")).isEqualTo("Verpath");
        assertThat(manifest.getValue("Verpath-Rules-Api")).isEqualTo(">=" + dev.verpath.rules.RulesApi.VERSION + " <3.0.0");
    }

    @Test
    void loadsThroughTheEnginesPluginLoaderAndMigratesTheFixture() {
        MigrationCheck check = ARCHIVE.load("wan-orchestrator", temp);

        assertThat(check.flags()).extracting(FlagDescriptor::name)
                .contains("WAN_ENABLE_LEGACY_FALLBACK", "WAN_ENABLE_PATH_MIGRATION", "WAN_STRICT_VALIDATION",
                        "WAN_ENABLE_INTEGRITY_CHECKS", "WAN_DRY_RUN_MODE", "WAN_REMOVE_LEGACY_CONFIG");
        check.check(Fixtures.named(Fixtures.inTestResources(""), "step-1.0.0-to-2.0.0/three-models"), temp.resolve("work"));
    }
}
