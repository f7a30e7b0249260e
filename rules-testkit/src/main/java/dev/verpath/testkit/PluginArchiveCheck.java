package dev.verpath.testkit;

import dev.verpath.engine.plugin.LoadedRuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.opentest4j.AssertionFailedError;

/**
 * Checks a built plugin archive the way {@code migrate} will meet it: its manifest names the plugin, its
 * class and the rules API range it needs; its extension index lists the rule set; it bundles only its own
 * classes (never the rules API or the engine's libraries); and the engine's plugin loader loads it into a
 * class loader of its own. Run it as an integration test after the archive is packaged, with the module's
 * own classes left off the test class path, so the rules come from the archive alone. Immutable.
 *
 * <pre>{@code
 * PluginArchiveCheck archive = PluginArchiveCheck.of(Path.of(System.getProperty("plugin.archive")));
 * archive.checkContents("my-plugin", "com.example.MyRuleSet");
 * archive.load(temp).check(fixture, temp.resolve("work"));
 * }</pre>
 */
public final class PluginArchiveCheck {

    private final Path archive;

    private PluginArchiveCheck(Path archive) {
        this.archive = Objects.requireNonNull(archive, "archive");
    }

    /**
     * A check of one archive.
     *
     * @param archive the plugin archive (a jar or zip)
     * @return the check
     */
    public static PluginArchiveCheck of(Path archive) {
        return new PluginArchiveCheck(archive);
    }

    /**
     * Checks the manifest of a plugin without a {@code Plugin-Class} (rules need none), the extension index
     * and the entries: every class lives in the package of the rule set or below it. A {@code Plugin-Class} in
     * the manifest is allowed; it must then be in that package too.
     *
     * @param pluginId     the expected {@code Plugin-Id}
     * @param ruleSetClass the rule set class the extension index must list, fully qualified
     * @return the manifest's main attributes, for further checks of the caller's own
     * @throws AssertionFailedError naming the first thing that is not as expected
     */
    public Attributes checkContents(String pluginId, String ruleSetClass) {
        return checkContents(pluginId, Optional.empty(), ruleSetClass);
    }

    /**
     * Checks the manifest of a plugin with a {@code Plugin-Class} (start and stop hooks), the extension index and
     * the entries: every class lives in the package of the plugin class or below it.
     *
     * @param pluginId     the expected {@code Plugin-Id}
     * @param pluginClass  the expected {@code Plugin-Class}, fully qualified
     * @param ruleSetClass the rule set class the extension index must list, fully qualified
     * @return the manifest's main attributes, for further checks of the caller's own
     * @throws AssertionFailedError naming the first thing that is not as expected
     */
    public Attributes checkContents(String pluginId, String pluginClass, String ruleSetClass) {
        return checkContents(pluginId, Optional.of(pluginClass), ruleSetClass);
    }

    private Attributes checkContents(String pluginId, Optional<String> pluginClass, String ruleSetClass) {
        try (JarFile jar = new JarFile(archive.toFile())) {
            Attributes main = jar.getManifest() == null ? new Attributes() : jar.getManifest().getMainAttributes();
            expect("Plugin-Id", pluginId, main.getValue("Plugin-Id"));
            if (pluginClass.isPresent()) {
                expect("Plugin-Class", pluginClass.get(), main.getValue("Plugin-Class"));
            }
            for (String required : List.of("Plugin-Version", "Verpath-Rules-Api")) {
                String value = main.getValue(required);
                if (value == null || value.isBlank()) {
                    throw new AssertionFailedError(archive + ": the manifest has no " + required);
                }
            }
            ZipEntry index = jar.getEntry("META-INF/extensions.idx");
            if (index == null) {
                throw new AssertionFailedError(archive + ": no META-INF/extensions.idx (is the PF4J annotation processor on?)");
            }
            try (InputStream in = jar.getInputStream(index)) {
                List<String> extensions = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).toList();
                if (!extensions.contains(ruleSetClass)) {
                    throw new AssertionFailedError(archive + ": the extension index does not list " + ruleSetClass,
                            ruleSetClass, extensions);
                }
            }
            String anchor = pluginClass.orElse(ruleSetClass);
            String home = anchor.substring(0, anchor.lastIndexOf('.') + 1).replace('.', '/');
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                boolean own = name.startsWith("META-INF/") || name.startsWith(home) || entry.isDirectory() && home.startsWith(name);
                if (!own) {
                    throw new AssertionFailedError(archive + ": bundles " + name + ", which is not under " + home
                            + " (the rules API and the engine's libraries come from the engine)");
                }
            }
            return main;
        } catch (IOException e) {
            throw new UncheckedIOException(archive + ": cannot read the archive", e);
        }
    }

    /**
     * Loads the archive through the engine's plugin loader from a plugins folder under {@code work} and checks
     * that it brings exactly one rule set, owned by the plugin and loaded by a class loader of its own.
     *
     * @param pluginId the expected plugin id
     * @param work     an empty folder for the plugins folder
     * @return a migration check over the class path's rule sets and the plugin's
     * @throws AssertionFailedError when the plugin is refused or brings something else
     */
    public MigrationCheck load(String pluginId, Path work) {
        Path plugins = work.resolve("plugins");
        try {
            Files.createDirectories(plugins);
            Files.copy(archive, plugins.resolve(archive.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(plugins + ": cannot copy the archive there", e);
        }
        MigrationCheck check = MigrationCheck.ofClassPathAndPlugins(plugins);
        List<LoadedRuleSet> fromPlugin = check.registry().ruleSets().stream()
                .filter(loaded -> loaded.owner().equals(pluginId)).toList();
        if (fromPlugin.size() != 1) {
            throw new AssertionFailedError("plugin " + pluginId + " brought " + fromPlugin.size() + " rule sets, expected one");
        }
        if (fromPlugin.get(0).ruleSet().getClass().getClassLoader() == PluginArchiveCheck.class.getClassLoader()) {
            throw new AssertionFailedError("the rule set of " + pluginId + " came from the test class path, not the archive;"
                    + " leave the module's own classes off the integration test's class path");
        }
        return check;
    }

    private void expect(String attribute, String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new AssertionFailedError(archive + ": manifest " + attribute, expected, actual);
        }
    }
}
