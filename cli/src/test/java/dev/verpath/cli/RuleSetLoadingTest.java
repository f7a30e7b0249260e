package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verpath.engine.plugin.LoadedRuleSet;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.testsupport.PluginArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static dev.verpath.testsupport.RuleSetSource.serveEdgeJar;
import static org.assertj.core.api.Assertions.assertThat;

class RuleSetLoadingTest {

    private static RuleRegistry load(Map<String, String> options) {
        return RuleSetLoading.registry(new SettingsLoader(Map.of()).load(Optional.empty(), options));
    }

    @Test
    void withoutAPluginFolderOnlyTheClassPathRuleSetsLoad() {
        RuleRegistry registry = load(Map.of());

        assertThat(registry.ruleSets()).allMatch(l -> l.origin().equals(LoadedRuleSet.BUILT_IN));
    }

    @Test
    void aMissingPluginFolderIsRefusedNamingItAndWhereItWasGiven(@TempDir Path dir) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> load(Map.of("plugins.dir", dir.resolve("absent").toString())))
                .hasMessage(dir.resolve("absent") + ": no such folder (the plugins folder given by --plugins-dir); give the"
                        + " folder that holds the plugin archives, or pass --no-plugins");
        assertThat(dir.resolve("absent")).doesNotExist();
    }

    @Test
    void anEmptyPluginFolderAddsNothing(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));

        RuleRegistry withFolder = load(Map.of("plugins.dir", plugins.toString()));
        RuleRegistry without = load(Map.of("plugins.enabled", "false"));

        assertThat(withFolder.ruleSets()).extracting(l -> l.ruleSet().id())
                .containsExactlyElementsOf(without.ruleSets().stream().map(l -> l.ruleSet().id()).toList());
    }

    @Test
    void pluginsListShowsALoadedPluginWithItsHashAndEdges(@TempDir Path dir) throws Exception {
        Path jar = serveEdgeJar(dir.resolve("plugins"), "hotfix", ">=2.0.0 <3.0.0", "2.1.0", "2.1.1");

        CommandRun run = CommandRun.of("--plugins-dir", dir.resolve("plugins").toString(), "plugins", "list");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("hotfix 1.0.0: loaded\n"
                + "  archive:    " + Invocation.display(jar.toAbsolutePath().normalize()) + "\n"
                + "  sha256:     " + PluginArchive.sha256(jar) + "\n"
                + "  requires:   rules-api >=2.0.0 <3.0.0\n"
                + "  rule sets:  hotfix-rules\n"
                + "  products:   -\n"
                + "  edges:      serve 2.1.0 -> 2.1.1 (config)\n"
                + "  flags:      -\n");
    }

    @Test
    void pluginsListJsonShowsARefusedPluginAndWhy(@TempDir Path dir) throws Exception {
        serveEdgeJar(dir.resolve("plugins"), "future", ">=3.0.0 <4.0.0", "2.1.0", "2.1.1");

        CommandRun run = CommandRun.of("--plugins-dir", dir.resolve("plugins").toString(), "plugins", "list", "--json");

        assertThat(run.exit()).isZero();
        JsonNode plugin = run.json().get("plugins").get(0);
        assertThat(plugin.get("id").asText()).isEqualTo("future");
        assertThat(plugin.get("state").asText()).isEqualTo("refused");
        assertThat(plugin.get("reason").asText()).isEqualTo("plugin 'future' needs rules-api >=3.0.0 <4.0.0, but this engine"
                + " has rules-api " + dev.verpath.rules.RulesApi.VERSION + "; install a build of the plugin made for rules-api 2.x");
        assertThat(plugin.get("edges")).isEmpty();
    }

    @Test
    void aRefusedPluginWarnsButDoesNotStopAnotherCommand(@TempDir Path dir) throws Exception {
        serveEdgeJar(dir.resolve("plugins"), "future", ">=3.0.0 <4.0.0", "2.1.0", "2.1.1");

        CommandRun run = CommandRun.of("--plugins-dir", dir.resolve("plugins").toString(), "graph");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("2.0.0").doesNotContain("2.1.1");
        assertThat(run.errLines()).containsExactly("warning: plugin future.jar not loaded: plugin 'future' needs rules-api"
                + " >=3.0.0 <4.0.0, but this engine has rules-api " + dev.verpath.rules.RulesApi.VERSION + "; install a build of the plugin made for rules-api 2.x"
                + " (see 'migrate plugins list')");
    }

    @Test
    void aPluginAddsAnEdgeToTheBuiltInProduct(@TempDir Path dir) throws Exception {
        serveEdgeJar(dir.resolve("plugins"), "hotfix", ">=2.0.0 <3.0.0", "2.1.0", "2.1.1");

        CommandRun run = CommandRun.of("--plugins-dir", dir.resolve("plugins").toString(), "graph");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("2.1.1");
    }

    @Test
    void underPinningAnUnlistedPluginIsRefused(@TempDir Path dir) throws Exception {
        Path jar = serveEdgeJar(dir.resolve("plugins"), "hotfix", ">=2.0.0 <3.0.0", "2.1.0", "2.1.1");
        Path config = Files.writeString(dir.resolve("pinned.toml"),
                "[plugins]\nallow = [{ id = \"other\", sha256 = \"" + PluginArchive.sha256(jar) + "\" }]\n");

        CommandRun run = CommandRun.of("--migration-config", config.toString(), "--plugins-dir", dir.resolve("plugins").toString(),
                "plugins", "list");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("hotfix 1.0.0: refused: plugin 'hotfix' is not listed in [plugins] allow of the migration config\n");
    }

    @Test
    void aPluginClaimingABuiltInEdgeStopsTheCommandUnlessTheConfigPrefersOne(@TempDir Path dir) throws Exception {
        serveEdgeJar(dir.resolve("plugins"), "override", ">=2.0.0 <3.0.0", "2.0.0", "2.1.0");
        String plugins = dir.resolve("plugins").toString();

        CommandRun conflict = CommandRun.of("--plugins-dir", plugins, "graph");
        Path config = Files.writeString(dir.resolve("prefer.toml"),
                "[plugins]\nprefer = { \"serve 2.0.0 -> 2.1.0 config\" = \"built-in\" }\n");
        CommandRun preferred = CommandRun.of("--migration-config", config.toString(), "--plugins-dir", plugins, "graph");

        assertThat(conflict.exit()).isEqualTo(1);
        assertThat(conflict.err()).contains("edge serve 2.0.0 -> 2.1.0 config is claimed by both built-in and plugin override@1.0.0");
        assertThat(preferred.exit()).isZero();
    }
}
