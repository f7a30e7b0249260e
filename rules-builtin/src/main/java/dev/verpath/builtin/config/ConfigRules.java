package dev.verpath.builtin.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.builtin.ServeEdge;
import dev.verpath.rules.FileRule;
import dev.verpath.rules.TomlEdit;
import dev.verpath.rules.json.JsonValue;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The config rules of every {@code serve} edge. See {@code serve-formats} for the formats; where the
 * formats leave a choice, the javadoc of each edit says what it does. Thread-safe.
 */
public final class ConfigRules {

    /** The breaking changes of 1.0.0 to 2.0.0 that concern the configuration. */
    static final List<String> BREAKING_2_0_0 = List.of("API endpoints restructured", "Configuration format changed");

    private static final Set<String> TABLES_2_0_0 = Set.of("server", "inference", "workers", "logging");

    private ConfigRules() {
    }

    /** @return the config rule of every edge */
    public static List<FileRule> all() {
        return List.of(
                new ServeTomlRule(ServeEdge.TO_1_0_0.describe(RuleKind.CONFIG, "Rename server settings",
                        "Renames host, port, model_dir and max_batch to bind_address, http_port, models_path and "
                                + "max_batch_size where they stand. Adds a workers table with count 4 and queue_size "
                                + "1024 where absent.", List.of()),
                        List.of(TomlEdit.rename("host", "bind_address"),
                                TomlEdit.rename("port", "http_port"),
                                TomlEdit.rename("model_dir", "models_path"),
                                TomlEdit.rename("max_batch", "max_batch_size"),
                                TomlEdit.setIfAbsent("workers.count", JsonValue.of(4)),
                                TomlEdit.setIfAbsent("workers.queue_size", JsonValue.of(1024)))),
                new ConfigRule(ServeEdge.TO_2_0_0.describe(RuleKind.CONFIG, "Restructure configuration into tables",
                        "Moves the server settings into the server, inference and logging tables and adds "
                                + "api_prefix \"/v2\" and logging format \"text\". Unknown keys stay where they were.",
                        BREAKING_2_0_0),
                        ConfigRules::intoTables),
                new ServeTomlRule(ServeEdge.TO_2_1_0.describe(RuleKind.CONFIG, "Add streaming and rate limit settings",
                        "Adds a streaming table (enabled, chunk_size 16) and a rate_limit table "
                                + "(requests_per_minute 600, burst 50) where absent.", List.of()),
                        List.of(TomlEdit.setIfAbsent("streaming.enabled", JsonValue.of(true)),
                                TomlEdit.setIfAbsent("streaming.chunk_size", JsonValue.of(16)),
                                TomlEdit.setIfAbsent("rate_limit.requests_per_minute", JsonValue.of(600)),
                                TomlEdit.setIfAbsent("rate_limit.burst", JsonValue.of(50)))),
                new ConfigRule(ServeEdge.DOWN_TO_2_0_0.describe(RuleKind.CONFIG, "Remove streaming and rate limit settings",
                        "Removes the streaming and rate_limit tables, which 2.0.0 does not know. Values that differ "
                                + "from the 2.1.0 defaults are reported as they are dropped.", List.of()),
                        ConfigRules::removeStreaming),
                new ConfigRule(ServeEdge.DOWN_TO_1_0_0.describe(RuleKind.CONFIG, "Flatten configuration tables",
                        "Moves the server, inference and logging settings back to the top level under their 1.0.0 "
                                + "names. A non-default api_prefix or logging format has no place in 1.0.0 and fails "
                                + "the step unless lossy steps are allowed.", List.of()),
                        ConfigRules::outOfTables));
    }

    /**
     * 1.0.0 to 2.0.0. The root keeps its unknown plain values first; then come {@code [server]},
     * {@code [inference]}, {@code [workers]}, {@code [logging]} (keys in the formats' order, unknown keys
     * of an existing table after them), then every other table in its order.
     */
    static void intoTables(ConfigTree config, boolean lossyAllowed) {
        ObjectNode root = config.root();
        ObjectNode server = config.table("server");
        ObjectNode inference = config.table("inference");
        ObjectNode workers = config.table("workers");
        ObjectNode logging = config.table("logging");
        config.move(root, "bind_address", "bind_address", server, "server.bind_address", "bind_address");
        config.move(root, "http_port", "http_port", server, "server.http_port", "http_port");
        putIfAbsent(server, "api_prefix", "/v2");
        config.move(root, "max_batch_size", "max_batch_size", inference, "inference.max_batch_size", "max_batch_size");
        config.move(root, "models_path", "models_path", inference, "inference.models_path", "models_path");
        config.move(root, "log_level", "log_level", logging, "logging.level", "level");
        putIfAbsent(logging, "format", "text");

        Map<String, JsonNode> plain = new LinkedHashMap<>();
        Map<String, JsonNode> otherTables = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (TABLES_2_0_0.contains(entry.getKey())) {
                continue;
            }
            (isTable(entry.getValue()) ? otherTables : plain).put(entry.getKey(), entry.getValue());
        }
        boolean hadInference = root.has("inference");
        boolean hadWorkers = root.has("workers");
        root.removeAll();
        root.setAll(plain);
        root.set("server", server);
        if (hadInference || !inference.isEmpty()) {
            root.set("inference", inference);
        }
        if (hadWorkers) {
            root.set("workers", workers);
        }
        root.set("logging", logging);
        root.setAll(otherTables);
    }

    /** 2.1.0 to 2.0.0 (a lossy edge): both tables removed; a non-default value is named in a warning. */
    static void removeStreaming(ConfigTree config, boolean lossyAllowed) {
        dropTable(config, "streaming", Map.of("enabled", "true", "chunk_size", "16"));
        dropTable(config, "rate_limit", Map.of("requests_per_minute", "600", "burst", "50"));
    }

    private static void dropTable(ConfigTree config, String name, Map<String, String> defaults) {
        JsonNode table = config.root().remove(name);
        if (table == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : table.properties()) {
            String expected = defaults.get(entry.getKey());
            if (expected == null || !expected.equals(entry.getValue().asText())) {
                config.warn("key " + name + "." + entry.getKey() + " = " + entry.getValue()
                        + " dropped: version 2.0.0 has no " + name + " settings");
            }
        }
        if (!table.isObject()) {
            config.warn("key " + name + " dropped: version 2.0.0 has no " + name + " settings");
        }
    }

    /**
     * 2.0.0 to 1.0.0. The root gets bind_address, http_port, models_path, max_batch_size, log_level
     * first (the 1.0.0 order), then its other plain values, then its tables in their order; the
     * server, inference and logging tables stay only if unknown keys are left in them.
     */
    static void outOfTables(ConfigTree config, boolean lossyAllowed) {
        ObjectNode root = config.root();
        ObjectNode server = config.table("server");
        ObjectNode inference = config.table("inference");
        ObjectNode logging = config.table("logging");
        dropDefault(config, server, "server.api_prefix", "api_prefix", "/v2", lossyAllowed);
        dropDefault(config, logging, "logging.format", "format", "text", lossyAllowed);

        Map<String, JsonNode> head = new LinkedHashMap<>();
        takeBack(config, head, server, "server.bind_address", "bind_address", "bind_address");
        takeBack(config, head, server, "server.http_port", "http_port", "http_port");
        takeBack(config, head, inference, "inference.models_path", "models_path", "models_path");
        takeBack(config, head, inference, "inference.max_batch_size", "max_batch_size", "max_batch_size");
        takeBack(config, head, logging, "logging.level", "level", "log_level");

        Map<String, JsonNode> plain = new LinkedHashMap<>(head);
        Map<String, JsonNode> tables = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode value = entry.getValue();
            if (!isTable(value)) {
                plain.put(entry.getKey(), value);
            } else if (!(Set.of("server", "inference", "logging").contains(entry.getKey()) && value.isEmpty())) {
                tables.put(entry.getKey(), value);
            }
        }
        root.removeAll();
        root.setAll(plain);
        root.setAll(tables);
    }

    private static void takeBack(ConfigTree config, Map<String, JsonNode> head, ObjectNode table, String name,
            String key, String newKey) {
        JsonNode value = table.remove(key);
        if (value == null) {
            return;
        }
        if (config.root().has(newKey)) {
            config.warn("key " + name + " dropped: " + newKey + " is already set and wins");
            return;
        }
        head.put(newKey, value);
    }

    private static void dropDefault(ConfigTree config, ObjectNode table, String name, String key, String defaultValue,
            boolean lossyAllowed) {
        JsonNode value = table.remove(key);
        if (value == null || (value.isTextual() && value.textValue().equals(defaultValue))) {
            return;
        }
        if (!lossyAllowed) {
            throw new RuleFailure(config.path(), "key " + name, name + " is " + value + " but version 1.0.0 only knows "
                    + "\"" + defaultValue + "\"; allow lossy steps to drop it");
        }
        config.warn("key " + name + " = " + value + " dropped: version 1.0.0 only knows \"" + defaultValue + "\"");
    }

    private static boolean isTable(JsonNode value) {
        if (value.isObject()) {
            return true;
        }
        if (!value.isArray() || value.isEmpty()) {
            return false;
        }
        for (JsonNode element : value) {
            if (!element.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static void putIfAbsent(ObjectNode table, String key, Object value) {
        if (table.has(key)) {
            return;
        }
        if (value instanceof Integer number) {
            table.put(key, number);
        } else if (value instanceof Boolean flag) {
            table.put(key, flag);
        } else {
            table.put(key, (String) value);
        }
    }
}
