package dev.verpath.engine.settings;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The settings of one run as text: each key's value and where it came from, the environment, and the migration
 * config they were read from; read as text, booleans or bounded whole numbers, an unset key as its built-in
 * default ({@link SettingsLoader}). The part of {@link EngineSettings} that holds the values; immutable.
 */
final class SettingValues {

    private final SortedMap<String, EffectiveSetting> values;
    private final Map<String, String> env;
    private final Optional<Path> file;

    SettingValues(SortedMap<String, EffectiveSetting> values, Map<String, String> env, Optional<Path> file) {
        this.values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        this.env = Map.copyOf(env);
        this.file = file;
    }

    /** @return these values with more environment variables, the given ones winning */
    SettingValues withEnvironment(Map<String, String> added) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(added);
        return new SettingValues(values, merged, file);
    }

    /** @return the flags of these values */
    FlagSettings flags() {
        return new FlagSettings(values, env, file);
    }

    /** See {@link EngineSettings#setting}. */
    Optional<EffectiveSetting> setting(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** See {@link EngineSettings#value}. */
    Optional<String> value(String key) {
        return setting(key).map(EffectiveSetting::value).filter(v -> !v.isEmpty());
    }

    /** @return a setting's value, else its built-in default, else empty text */
    String valueOrDefault(String key) {
        return value(key).or(() -> SettingsLoader.defaultValue(key)).orElse("");
    }

    /** @return a boolean setting (its built-in default when unset; false without one) */
    boolean bool(String key) {
        return Boolean.parseBoolean(valueOrDefault(key));
    }

    /** See {@link EngineSettings#sourceOf}. */
    String sourceOf(String key, String option) {
        String source = setting(key).map(EffectiveSetting::source).orElse("default");
        if (source.equals("option")) {
            return option;
        }
        Optional<String> variable = SettingTypes.variable(source);
        if (variable.isPresent()) {
            return variable.get();
        }
        return source.equals("default") ? "the default" : source;
    }

    /** See {@link #wholeNumber(String, String, long, long, String)}; the setting's value, else its built-in default. */
    long wholeNumber(String key, long min, long max, String expected) {
        return wholeNumber(key, valueOrDefault(key), min, max, expected);
    }

    /**
     * A whole number within bounds.
     *
     * @param key      the dotted key, for the message
     * @param value    the setting's text (its value, or the fallback when unset)
     * @param min      the least value allowed
     * @param max      the greatest value allowed
     * @param expected what the error says is expected
     * @return the number
     * @throws dev.verpath.rules.MigrationException with {@link ErrorCode#USAGE} naming where the key was set and
     *                                              its value when it is not a whole number within bounds
     */
    long wholeNumber(String key, String value, long min, long max, String expected) {
        String text = value.trim();
        try {
            long number = Long.parseLong(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputFailure(ErrorCode.USAGE, setting(key).map(s -> SettingTypes.where(s, file)).orElse("") + key
                + " = '" + text + "': expected " + expected + "; fix the setting where it is set (see migrate info --verbose)");
    }
}
