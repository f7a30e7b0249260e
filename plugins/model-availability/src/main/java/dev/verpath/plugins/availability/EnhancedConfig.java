package dev.verpath.plugins.availability;

import dev.verpath.rules.JsonDocument;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.json.JsonBoolean;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonText;
import dev.verpath.rules.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * The enhanced configuration and how a flat legacy {@code config.json} maps onto it: the guide's
 * "Configuration Mapping Reference" table, with the defaults of its "Enhanced Configuration Equivalent"
 * example for every key the legacy file does not set. Stateless.
 */
public final class EnhancedConfig {

    /** The sections of the guide's example, in its order; each must be present at 2.0.0. */
    public static final List<String> SECTIONS = List.of("storage", "downloads", "health_monitoring", "fallback",
            "features");

    /** Where unknown legacy keys are kept. */
    public static final String LEGACY_SECTION = "legacy";

    /**
     * One row of the mapping table.
     *
     * @param legacyKey the flat key of config.json
     * @param section   the section of the enhanced configuration
     * @param key       the key in that section
     */
    public record Mapping(String legacyKey, String section, String key) {
    }

    /** The mapping table of the guide, in its order. */
    public static final List<Mapping> MAPPINGS = List.of(
            new Mapping("models_directory", "storage", "models_directory"),
            new Mapping("download_retries", "downloads", "max_retries"),
            new Mapping("max_concurrent_downloads", "downloads", "max_concurrent_downloads"),
            new Mapping("health_check_enabled", "health_monitoring", "enabled"),
            new Mapping("fallback_to_mock", "fallback", "mock_fallback_enabled"));

    private EnhancedConfig() {
    }

    /**
     * The guide's example configuration: every section and key with its default, in the example's order,
     * then {@code analytics.enabled}, the table's new key (on, as the example's {@code features.usage_analytics}).
     */
    public static final JsonObject DEFAULTS = object(
            section("storage", "models_directory", "/data/models", "cache_directory", "/data/cache",
                    "max_storage_gb", 500, "cleanup_threshold_percent", 90),
            section("downloads", "max_concurrent_downloads", 2, "max_retries", 3, "retry_delay_seconds", 30,
                    "bandwidth_limit_mbps", 0, "resume_enabled", true, "integrity_check_enabled", true),
            section("health_monitoring", "enabled", true, "check_interval_hours", 24, "auto_repair_enabled", true,
                    "performance_monitoring_enabled", true),
            section("fallback", "intelligent_fallback_enabled", true, "suggestion_threshold", new JsonNumber("0.7"),
                    "queue_requests_enabled", true, "mock_fallback_enabled", true),
            section("features", "enhanced_downloads", true, "health_monitoring", true, "intelligent_fallback", true,
                    "usage_analytics", true),
            section("analytics", "enabled", true));

    /**
     * Maps a legacy configuration: mapped keys take the legacy value as written (which must have the type of the
     * default), other keys keep the defaults, and keys the table does not know go under {@code legacy} in
     * their order.
     *
     * @param path   the legacy file, for failures
     * @param legacy the legacy configuration
     * @return the enhanced configuration
     * @throws RuleFailure naming the key when a mapped value has the wrong type
     */
    public static JsonObject map(String path, JsonDocument legacy) {
        JsonObject enhanced = DEFAULTS;
        JsonObject unknown = JsonObject.EMPTY;
        for (String key : legacy.keys("")) {
            JsonValue value = legacy.get(key.replace(".", "\\.")).orElseThrow();
            Optional<Mapping> mapping = MAPPINGS.stream().filter(m -> m.legacyKey().equals(key)).findFirst();
            if (mapping.isEmpty()) {
                unknown = unknown.with(key, value);
                continue;
            }
            JsonObject section = (JsonObject) enhanced.get(mapping.get().section()).orElseThrow();
            JsonValue fallback = section.get(mapping.get().key()).orElseThrow();
            if (!sameType(fallback, value)) {
                throw new RuleFailure(path, "key " + key, key + " is " + text(value) + " but " + mapping.get().section()
                        + "." + mapping.get().key() + " takes a " + typeName(fallback));
            }
            enhanced = enhanced.with(mapping.get().section(), section.with(mapping.get().key(), value));
        }
        return unknown.isEmpty() ? enhanced : enhanced.with(LEGACY_SECTION, unknown);
    }

    /**
     * @param expected a default value
     * @param actual   a value
     * @return whether both are numbers, both booleans, or both strings
     */
    static boolean sameType(JsonValue expected, JsonValue actual) {
        return expected instanceof JsonNumber && actual instanceof JsonNumber
                || expected instanceof JsonBoolean && actual instanceof JsonBoolean
                || expected instanceof JsonText && actual instanceof JsonText;
    }

    /**
     * @param value a default value
     * @return "number", "boolean" or "string"
     */
    static String typeName(JsonValue value) {
        return value instanceof JsonNumber ? "number" : value instanceof JsonBoolean ? "boolean" : "string";
    }

    /**
     * @param value a value
     * @return how a message shows it: a string quoted, a number as spelled, an object or array by kind
     */
    static String text(JsonValue value) {
        if (value instanceof JsonText t) {
            return "\"" + t.value() + "\"";
        }
        if (value instanceof JsonNumber n) {
            return n.literal();
        }
        if (value instanceof JsonBoolean b) {
            return Boolean.toString(b.value());
        }
        return value instanceof JsonObject ? "an object" : value instanceof dev.verpath.rules.json.JsonArray ? "an array" : "null";
    }

    private static JsonObject object(JsonObject.Member... sections) {
        return new JsonObject(List.of(sections));
    }

    /** A section: its name, then names and values by turns (strings, ints, booleans or JSON values). */
    private static JsonObject.Member section(String name, Object... pairs) {
        JsonObject section = JsonObject.EMPTY;
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            JsonValue value = v instanceof JsonValue j ? j : v instanceof String t ? JsonValue.of(t)
                    : v instanceof Boolean b ? JsonValue.of(b) : JsonValue.of(((Integer) v).longValue());
            section = section.with((String) pairs[i], value);
        }
        return new JsonObject.Member(name, section);
    }
}
