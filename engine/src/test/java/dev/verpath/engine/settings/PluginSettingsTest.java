package dev.verpath.engine.settings;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginSettingsTest {

    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path dir;

    private EngineSettings load(String toml) throws IOException {
        Path file = Files.writeString(dir.resolve("migration_config.toml"), toml);
        return new SettingsLoader(Map.of()).load(Optional.of(file), Map.of());
    }

    @Test
    void withoutAnAllowListEveryPluginMayLoad() throws IOException {
        EngineSettings settings = load("[plugins]\nenabled = true\n");

        assertThat(settings.pluginAllowList()).isEmpty();
        assertThat(settings.edgePreferences()).isEmpty();
    }

    @Test
    void readsTheAllowListAsInlineTables() throws IOException {
        EngineSettings settings = load("[plugins]\nallow = [{ id = \"wan\", sha256 = \"" + SHA.toUpperCase() + "\" },"
                + " { id = \"other\", sha256 = \"" + "0".repeat(64) + "\" }]\n");

        assertThat(settings.pluginAllowList()).contains(List.of(new PluginPin("wan", SHA), new PluginPin("other", "0".repeat(64))));
        assertThat(settings.value("plugins.allow")).hasValue("wan=" + SHA + ", other=" + "0".repeat(64));
    }

    @Test
    void readsTheAllowListAsAnArrayOfTables() throws IOException {
        EngineSettings settings = load("[plugins]\ndir = \"x\"\n\n[[plugins.allow]]\nid = \"wan\"\nsha256 = \"" + SHA + "\"\n");

        assertThat(settings.pluginAllowList()).contains(List.of(new PluginPin("wan", SHA)));
    }

    @Test
    void anEmptyAllowListIsSetAndAllowsNothing() throws IOException {
        assertThat(load("[plugins]\nallow = []\n").pluginAllowList()).contains(List.of());
    }

    @Test
    void refusesAnAllowEntryWithoutChecksum() throws IOException {
        Path file = dir.resolve("migration_config.toml");

        assertThatThrownBy(() -> load("[plugins]\nallow = [{ id = \"wan\" }]\n"))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith(file + ": each entry of plugins.allow needs exactly an id and a sha256")
                .hasMessageEndingWith("a plugin without a checksum is never loaded")
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.USAGE));
    }

    @Test
    void refusesAChecksumThatIsNotSha256() {
        assertThatThrownBy(() -> load("[plugins]\nallow = [{ id = \"wan\", sha256 = \"abc\" }]\n"))
                .hasMessageContaining("sha256 of plugin 'wan' is not 64 hex digits");
    }

    @Test
    void readsEdgePreferencesInTheirNormalForm() throws IOException {
        EngineSettings settings = load("[plugins]\nprefer = { \"serve 2.1.0->2.1.1 config\" = \"hotfix\","
                + " \"serve  >=1.0.0   <2.0.0 -> 2.1.0 model\" = \"built-in\" }\n");

        assertThat(settings.edgePreferences()).containsExactly(
                Map.entry("serve 2.1.0 -> 2.1.1 config", "hotfix"),
                Map.entry("serve >=1.0.0 <2.0.0 -> 2.1.0 model", "built-in"));
    }

    @Test
    void refusesAPreferenceThatNamesNoEdge() {
        assertThatThrownBy(() -> load("[plugins]\nprefer = { \"serve 2.1.1 config\" = \"hotfix\" }\n"))
                .hasMessageContaining("plugins.prefer: 'serve 2.1.1 config' must read '<product> <from> -> <to> <config|data|model>'");
    }

    @Test
    void theDocumentedConfigLoadsWithoutPinning() {
        EngineSettings settings = new SettingsLoader(Map.of()).load(Optional.of(Path.of("../migration_config.toml")), Map.of());

        assertThat(settings.pluginAllowList()).isEmpty();
        assertThat(settings.pluginsEnabled()).isTrue();
    }

    @Test
    void otherKeysOfPluginsStayUnknown() {
        assertThatThrownBy(() -> load("[plugins]\ntrust = true\n")).hasMessageContaining("unknown key plugins.trust");
    }
}
