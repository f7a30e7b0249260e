package dev.verpath.engine.settings;

import java.util.Objects;

/**
 * One setting's value and where it came from, as {@code migrate info --verbose} shows it.
 *
 * @param key    the key as in migration_config.toml, e.g. {@code global.timeout_seconds}, or a flag name
 * @param value  the value as text
 * @param source {@code option}, {@code environment}, {@code migration_config.toml} (the file's path) or {@code default}
 */
public record EffectiveSetting(String key, String value, String source) {

    /** Checks that nothing is null. */
    public EffectiveSetting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }
}
