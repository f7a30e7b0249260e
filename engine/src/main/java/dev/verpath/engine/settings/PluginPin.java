package dev.verpath.engine.settings;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of {@code [plugins] allow}: a plugin id and the SHA-256 its archive must have. When the allow
 * list is set, only archives matching an entry load. Immutable.
 *
 * @param id     the plugin id ({@code Plugin-Id} of the archive)
 * @param sha256 the archive file's SHA-256, 64 lower-case hex digits
 */
public record PluginPin(String id, String sha256) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    /** Checks both values and lower-cases the digest. */
    public PluginPin {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sha256, "sha256");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a pinned plugin needs an id");
        }
        sha256 = sha256.trim().toLowerCase(Locale.ROOT);
        if (!HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 of plugin '" + id + "' is not 64 hex digits");
        }
    }
}
