package dev.verpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verpath.engine.plugin.LoadedRuleSet;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aMissingPluginFolderIsSkipped(@TempDir Path dir) {
        RuleRegistry registry = load(Map.of("plugins.dir", dir.resolve("absent").toString()));

        assertThat(registry.ruleSets()).allMatch(l -> l.origin().equals(LoadedRuleSet.BUILT_IN));
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
}
