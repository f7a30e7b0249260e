package dev.verpath.engine.plugin;

import com.github.zafarkhaja.semver.Version;
import dev.verpath.engine.graph.VersionRange;
import dev.verpath.engine.graph.VersionText;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.RulesApi;
import java.util.Optional;

/**
 * Decides whether a plugin fits this engine's rules API, from the range its descriptor states
 * ({@code Plugin-Requires} in the manifest, {@code plugin.requires} in plugin.properties).
 *
 * <p>A range such as {@code >=1.0.0 <2.0.0} must contain {@link RulesApi#VERSION}. A bare version
 * {@code 1.2.0} means "built against 1.2.0": any 1.y with y at least 2 (the API adds only default methods
 * within a major). A plugin that states no range, or {@code *}, is refused: nothing says it fits.
 */
final class RulesApiRange {

    private RulesApiRange() {
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
            return Optional.of("plugin '" + pluginId + "' states no rules-api range; its manifest needs e.g. 'Plugin-Requires: >="
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
