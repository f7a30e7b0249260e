package dev.verpath.plugins.wan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verpath.rules.FlagDescriptor;
import dev.verpath.testkit.Fixtures;
import dev.verpath.testkit.MigrationCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin archive the reactor built, loaded as {@code migrate} loads it: its manifest, its extension
 * index, nothing of the API or its libraries bundled, and, through the engine's plugin loader (staging,
 * descriptor, rules-api range, PF4J), its rule set migrating the fixture in the test kit. The module's own
 * classes are left off this test's class path (see the pom), so the wan rules come from the archive alone;
 * this test therefore names them by string.
 */
class WanPluginArchiveIT {

    private static final Path ARCHIVE = Path.of(System.getProperty("plugin.archive", "target/missing.jar"));
    private static final String PACKAGE = "dev.verpath.plugins.wan.";

    @TempDir
    Path temp;

    @Test
    void declaresThePluginInItsManifestAndBundlesOnlyItsOwnClasses() throws IOException {
        try (JarFile jar = new JarFile(ARCHIVE.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Plugin-Id")).isEqualTo("wan-orchestrator");
            assertThat(main.getValue("Plugin-Version")).isNotBlank();
            assertThat(main.getValue("Plugin-Class")).isEqualTo(PACKAGE + "WanOrchestratorPlugin");
            assertThat(main.getValue("Plugin-Provider")).isEqualTo("Verpath");
            assertThat(main.getValue("Verpath-Rules-Api")).isEqualTo(">=1.0.0 <2.0.0");
            assertThat(new String(jar.getInputStream(jar.getEntry("META-INF/extensions.idx")).readAllBytes()))
                    .contains(PACKAGE + "WanRuleSet");
            assertThat(Collections.list(jar.entries())).extracting(e -> e.getName())
                    .allMatch(name -> name.startsWith("META-INF/") || name.startsWith("dev/verpath/plugins/wan/")
                            || name.equals("dev/") || name.equals("dev/verpath/") || name.equals("dev/verpath/plugins/"));
        }
    }

    @Test
    void loadsThroughTheEnginesPluginLoaderAndMigratesTheFixture() throws IOException {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Files.copy(ARCHIVE, plugins.resolve(ARCHIVE.getFileName()));

        MigrationCheck check = MigrationCheck.ofClassPathAndPlugins(plugins);

        assertThat(check.registry().ruleSets()).singleElement().satisfies(loaded -> {
            assertThat(loaded.owner()).isEqualTo("wan-orchestrator");
            assertThat(loaded.ruleSet().getClass().getName()).isEqualTo(PACKAGE + "WanRuleSet");
            assertThat(loaded.ruleSet().getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
        });
        assertThat(check.registry().flags()).extracting(FlagDescriptor::name)
                .contains("WAN_ENABLE_LEGACY_FALLBACK", "WAN_ENABLE_PATH_MIGRATION", "WAN_STRICT_VALIDATION",
                        "WAN_ENABLE_INTEGRITY_CHECKS", "WAN_DRY_RUN_MODE", "WAN_REMOVE_LEGACY_CONFIG");
        check.check(Fixtures.named(Fixtures.inTestResources(""), "step-1.0.0-to-2.0.0/three-models"), temp.resolve("work"));
    }
}
