package dev.verpath.plugins.availability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.rules.RuleFailure;
import java.util.List;
import java.util.Map;

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
     *
     * @return a fresh tree
     */
    public static ObjectNode defaults() {
        ObjectNode root = JsonText.object();
        root.putObject("storage")
                .put("models_directory", "/data/models")
                .put("cache_directory", "/data/cache")
                .put("max_storage_gb", 500)
                .put("cleanup_threshold_percent", 90);
        root.putObject("downloads")
                .put("max_concurrent_downloads", 2)
                .put("max_retries", 3)
                .put("retry_delay_seconds", 30)
                .put("bandwidth_limit_mbps", 0)
                .put("resume_enabled", true)
                .put("integrity_check_enabled", true);
        root.putObject("health_monitoring")
                .put("enabled", true)
                .put("check_interval_hours", 24)
                .put("auto_repair_enabled", true)
                .put("performance_monitoring_enabled", true);
        root.putObject("fallback")
                .put("intelligent_fallback_enabled", true)
                .put("suggestion_threshold", 0.7)
                .put("queue_requests_enabled", true)
                .put("mock_fallback_enabled", true);
        root.putObject("features")
                .put("enhanced_downloads", true)
                .put("health_monitoring", true)
                .put("intelligent_fallback", true)
                .put("usage_analytics", true);
        root.putObject("analytics")
                .put("enabled", true);
        return root;
    }

    /**
     * Maps a legacy configuration: mapped keys take the legacy value (which must have the type of the
     * default), other keys keep the defaults, and keys the table does not know go under {@code legacy} in
     * their order.
     *
     * @param path   the legacy file, for failures
     * @param legacy the legacy configuration
     * @return the enhanced configuration
     * @throws RuleFailure naming the key when a mapped value has the wrong type
     */
    public static ObjectNode map(String path, ObjectNode legacy) {
        ObjectNode enhanced = defaults();
        ObjectNode unknown = JsonText.object();
        for (Map.Entry<String, JsonNode> entry : legacy.properties()) {
            Mapping mapping = MAPPINGS.stream().filter(m -> m.legacyKey().equals(entry.getKey())).findFirst().orElse(null);
            if (mapping == null) {
                unknown.set(entry.getKey(), entry.getValue());
                continue;
            }
            ObjectNode section = (ObjectNode) enhanced.get(mapping.section());
            JsonNode fallback = section.get(mapping.key());
            if (!sameType(fallback, entry.getValue())) {
                throw new RuleFailure(path, "key " + entry.getKey(), entry.getKey() + " is " + entry.getValue()
                        + " but " + mapping.section() + "." + mapping.key() + " takes a " + typeName(fallback));
            }
            section.set(mapping.key(), entry.getValue());
        }
        if (!unknown.isEmpty()) {
            enhanced.set(LEGACY_SECTION, unknown);
        }
        return enhanced;
    }

    /**
     * @param expected a default value
     * @param actual   a value
     * @return whether both are numbers, both booleans, or both strings
     */
    static boolean sameType(JsonNode expected, JsonNode actual) {
        return expected.isNumber() && actual.isNumber()
                || expected.isBoolean() && actual.isBoolean()
                || expected.isTextual() && actual.isTextual();
    }

    /**
     * @param value a default value
     * @return "number", "boolean" or "string"
     */
    static String typeName(JsonNode value) {
        return value.isNumber() ? "number" : value.isBoolean() ? "boolean" : "string";
    }
}
