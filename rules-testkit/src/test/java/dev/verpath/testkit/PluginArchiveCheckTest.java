package dev.verpath.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginArchiveCheckTest {

    private static final String PLUGIN = "com.example.hotfix.HotfixPlugin";
    private static final String RULE_SET = "com.example.hotfix.HotfixRuleSet";

    @TempDir
    Path temp;

    @Test
    void aWellBuiltArchivePassesAndHandsBackItsManifest() throws IOException {
        Path jar = archive(manifest("hotfix", PLUGIN), Map.of("com/example/hotfix/HotfixPlugin.class", "x",
                "com/example/hotfix/rules/Fix.class", "x"));

        Attributes main = PluginArchiveCheck.of(jar).checkContents("hotfix", PLUGIN, RULE_SET);

        assertThat(main.getValue("Plugin-Version")).isEqualTo("1.0.0");
    }

    @Test
    void aPluginWithoutPluginClassPassesAsThePluginGuideAllows() throws IOException {
        Manifest noClass = manifest("hotfix", PLUGIN);
        noClass.getMainAttributes().remove(new Attributes.Name("Plugin-Class"));
        Path jar = archive(noClass, Map.of("com/example/hotfix/HotfixRuleSet.class", "x"));
        Path stray = archive(noClass, Map.of("com/example/HotfixRuleSet.class", "x"));

        assertThat(PluginArchiveCheck.of(jar).checkContents("hotfix", RULE_SET).getValue("Plugin-Class")).isNull();
        assertThatThrownBy(() -> PluginArchiveCheck.of(jar).checkContents("hotfix", PLUGIN, RULE_SET))
                .hasMessageContaining("Plugin-Class");
        assertThatThrownBy(() -> PluginArchiveCheck.of(stray).checkContents("hotfix", RULE_SET))
                .hasMessageContaining("bundles com/example/HotfixRuleSet.class");
    }

    @Test
    void aBundledLibraryIsNamed() throws IOException {
        Path jar = archive(manifest("hotfix", PLUGIN), Map.of("com/example/hotfix/HotfixPlugin.class", "x",
                "org/slf4j/Logger.class", "x"));

        assertThatThrownBy(() -> PluginArchiveCheck.of(jar).checkContents("hotfix", PLUGIN, RULE_SET))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("bundles org/slf4j/Logger.class");
    }

    @Test
    void aWrongPluginIdOrAMissingRulesApiRangeFails() throws IOException {
        Path wrongId = archive(manifest("other", PLUGIN), Map.of());
        Manifest noRange = manifest("hotfix", PLUGIN);
        noRange.getMainAttributes().remove(new Attributes.Name("Verpath-Rules-Api"));
        Path withoutRange = archive(noRange, Map.of());

        assertThatThrownBy(() -> PluginArchiveCheck.of(wrongId).checkContents("hotfix", PLUGIN, RULE_SET))
                .hasMessageContaining("manifest Plugin-Id");
        assertThatThrownBy(() -> PluginArchiveCheck.of(withoutRange).checkContents("hotfix", PLUGIN, RULE_SET))
                .hasMessageContaining("the manifest has no Verpath-Rules-Api");
    }

    @Test
    void anExtensionIndexWithoutTheRuleSetFails() throws IOException {
        Path jar = archive(manifest("hotfix", PLUGIN), Map.of(), "com.example.hotfix.Other\n");

        assertThatThrownBy(() -> PluginArchiveCheck.of(jar).checkContents("hotfix", PLUGIN, RULE_SET))
                .hasMessageContaining("the extension index does not list " + RULE_SET);
    }

    private static Manifest manifest(String id, String pluginClass) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", "1.0.0");
        main.putValue("Plugin-Class", pluginClass);
        main.putValue("Verpath-Rules-Api", ">=2.0.0 <3.0.0");
        return manifest;
    }

    private Path archive(Manifest manifest, Map<String, String> classes) throws IOException {
        return archive(manifest, classes, RULE_SET + "\n");
    }

    private Path archive(Manifest manifest, Map<String, String> classes, String index) throws IOException {
        Path jar = Files.createTempFile(temp, "plugin-", ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            Map<String, String> entries = new TreeMap<>(classes);
            entries.put("META-INF/extensions.idx", index);
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new JarEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
