package dev.verpath.plugins.wan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.RunRequest;
import dev.verpath.engine.Scope;
import dev.verpath.engine.plugin.LoadedRuleSet;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The plugin archive the reactor built, loaded by a real PF4J plugin manager from a plugins folder: its
 * manifest, its extension index, nothing of the API or its libraries bundled, and its rule set migrating
 * the fixture through the engine.
 */
class WanPluginArchiveIT {

    private static final Path ARCHIVE = Path.of(System.getProperty("plugin.archive", "target/missing.jar"));

    @TempDir
    Path temp;

    @Test
    void declaresThePluginInItsManifestAndBundlesOnlyItsOwnClasses() throws IOException {
        try (JarFile jar = new JarFile(ARCHIVE.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Plugin-Id")).isEqualTo("wan-orchestrator");
            assertThat(main.getValue("Plugin-Version")).isNotBlank();
            assertThat(main.getValue("Plugin-Class")).isEqualTo(WanOrchestratorPlugin.class.getName());
            assertThat(main.getValue("Plugin-Provider")).isEqualTo("Verpath");
            assertThat(main.getValue("Verpath-Rules-Api")).isEqualTo(">=1.0.0 <2.0.0");
            assertThat(new String(jar.getInputStream(jar.getEntry("META-INF/extensions.idx")).readAllBytes()))
                    .contains(WanRuleSet.class.getName());
            assertThat(Collections.list(jar.entries())).extracting(e -> e.getName())
                    .allMatch(name -> name.startsWith("META-INF/") || name.startsWith("dev/verpath/plugins/wan/")
                            || name.equals("dev/") || name.equals("dev/verpath/") || name.equals("dev/verpath/plugins/"));
        }
    }

    @Test
    void loadsThroughPf4jAndMigratesTheFixture() throws IOException {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Files.copy(ARCHIVE, plugins.resolve(ARCHIVE.getFileName()));
        PluginManager manager = new DefaultPluginManager(plugins);
        manager.loadPlugins();
        manager.startPlugins();
        try {
            PluginWrapper plugin = manager.getPlugin("wan-orchestrator");
            assertThat(plugin.getPluginState()).isEqualTo(PluginState.STARTED);
            List<RuleSet> fromPlugin = manager.getExtensions(RuleSet.class).stream()
                    .filter(set -> manager.whichPlugin(set.getClass()) == plugin)
                    .toList();
            assertThat(fromPlugin).singleElement().satisfies(set -> {
                assertThat(set.id()).isEqualTo(WanRuleSet.ID);
                assertThat(set.getClass().getClassLoader()).isSameAs(plugin.getPluginClassLoader());
            });
            Path root = InstallationTree.copy("/wan/three-models/before", temp.resolve("installation"));
            MigrationEngine engine = MigrationEngine.create(
                    RuleRegistry.of(List.of(new LoadedRuleSet(fromPlugin.get(0), "plugin wan-orchestrator"))),
                    EngineSettings.defaults());

            engine.migrate(new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(), Optional.empty(),
                    false, false, true, false), line -> { });

            assertThat(InstallationTree.files(root))
                    .isEqualTo(InstallationTree.files(InstallationTree.fixture("/wan/three-models/after")));
            assertThat(engine.registry().flags()).extracting(f -> f.name())
                    .contains("WAN_ENABLE_LEGACY_FALLBACK", "WAN_ENABLE_PATH_MIGRATION", "WAN_STRICT_VALIDATION",
                            "WAN_ENABLE_INTEGRITY_CHECKS", "WAN_DRY_RUN_MODE", "WAN_REMOVE_LEGACY_CONFIG");
        } finally {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
    }
}
