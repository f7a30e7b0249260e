package dev.verpath.engine.plugin;

import com.github.zafarkhaja.semver.Version;
import dev.verpath.engine.graph.VersionRange;
import dev.verpath.engine.graph.VersionText;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.RulesApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.pf4j.PluginDescriptor;

/**
 * Decides whether a plugin fits this engine's rules API, from the range it states: the manifest attribute
 * {@value #ATTRIBUTE}, else PF4J's {@code Plugin-Requires} (or {@code plugin.requires} in plugin.properties).
 *
 * <p>A range such as {@code >=1.0.0 <2.0.0} must contain {@link RulesApi#VERSION}. A bare version
 * {@code 1.2.0} means "built against 1.2.0": any 1.y with y at least 2 (the API adds only default methods
 * within a major). A plugin that states no range, or {@code *}, is refused: nothing says it fits.
 */
final class RulesApiRange {

    /** The manifest attribute that states the rules-api range, e.g. {@code Verpath-Rules-Api: >=1.0.0 <2.0.0}. */
    static final String ATTRIBUTE = "Verpath-Rules-Api";

    private RulesApiRange() {
    }

    /**
     * The range a staged plugin states, read without loading a class.
     *
     * @param staged     a staged jar, or an unpacked zip
     * @param descriptor its PF4J descriptor
     * @return {@value #ATTRIBUTE} of its manifest, else its {@code Plugin-Requires}; empty when it states none (or
     *         {@code *})
     */
    static Optional<String> stated(Path staged, PluginDescriptor descriptor) {
        Optional<String> attribute = manifest(staged).map(m -> m.getMainAttributes().getValue(ATTRIBUTE))
                .map(String::trim).filter(r -> !r.isEmpty());
        if (attribute.isPresent()) {
            return attribute;
        }
        return Optional.ofNullable(descriptor.getRequires()).map(String::trim).filter(r -> !r.isEmpty() && !r.equals("*"));
    }

    private static Optional<Manifest> manifest(Path staged) {
        try {
            if (Files.isRegularFile(staged)) {
                try (JarFile jar = new JarFile(staged.toFile(), false)) {
                    return Optional.ofNullable(jar.getManifest());
                }
            }
            for (Path file : new Path[] {staged.resolve("META-INF/MANIFEST.MF"), staged.resolve("classes/META-INF/MANIFEST.MF")}) {
                if (Files.isRegularFile(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        return Optional.of(new Manifest(in));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Why a plugin does not fit, if it does not.
     *
     * @param pluginId the plugin id, for the message
     * @param requires the range it states, when it states one
     * @return the refusal (one sentence naming the plugin, its range and ours), or empty when it fits
     */
    static Optional<String> refusal(String pluginId, Optional<String> requires) {
        return refusal(pluginId, requires, RulesApi.VERSION);
    }

    static Optional<String> refusal(String pluginId, Optional<String> requires, String api) {
        String stated = requires.map(String::trim).orElse("");
        if (stated.isEmpty() || stated.equals("*")) {
            return Optional.of("plugin '" + pluginId + "' states no rules-api range; its manifest needs e.g. '" + ATTRIBUTE + ": >="
                    + major(api) + ".0.0 <" + (major(api) + 1) + ".0.0' (this engine has rules-api " + api + ")");
        }
        VersionRange range;
        try {
            range = VersionRange.parse(VersionText.isVersion(stated) ? caret(stated) : stated);
        } catch (MigrationException e) {
            return Optional.of("plugin '" + pluginId + "' states rules-api range '" + stated
                    + "', which is not a version range (this engine has rules-api " + api + ")");
        }
        if (range.contains(api)) {
            return Optional.empty();
        }
        return Optional.of("plugin '" + pluginId + "' needs rules-api " + stated + ", but this engine has rules-api " + api
                + "; install a build of the plugin made for rules-api " + major(api) + ".x");
    }

    private static String caret(String version) {
        Version v = Version.parse(version);
        return ">=" + version + " <" + (v.majorVersion() + 1) + ".0.0";
    }

    private static long major(String version) {
        return Version.parse(version).majorVersion();
    }
}
