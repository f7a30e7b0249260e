package dev.verpath.builtin.config;

import dev.verpath.builtin.ServeEdge;
import dev.verpath.builtin.ServeLayout;
import dev.verpath.rules.FileRule;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.TomlDocument;
import dev.verpath.rules.TomlEdit;
import dev.verpath.rules.json.JsonBoolean;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonText;
import dev.verpath.rules.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                new ServeTomlRule(ServeEdge.TO_2_0_0.describe(RuleKind.CONFIG, "Restructure configuration into tables",
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
                new ServeTomlRule(ServeEdge.DOWN_TO_2_0_0.describe(RuleKind.CONFIG, "Remove streaming and rate limit settings",
                        "Removes the streaming and rate_limit tables, which 2.0.0 does not know. Values that differ "
                                + "from the 2.1.0 defaults are reported as they are dropped.", List.of()),
                        ConfigRules::removeStreaming),
                new ServeTomlRule(ServeEdge.DOWN_TO_1_0_0.describe(RuleKind.CONFIG, "Flatten configuration tables",
                        "Moves the server, inference and logging settings back to the top level under their 1.0.0 "
                                + "names. A non-default api_prefix or logging format has no place in 1.0.0 and fails "
                                + "the step unless lossy steps are allowed.", List.of()),
                        ConfigRules::outOfTables));
    }

    /**
     * 1.0.0 to 2.0.0. The top keeps its unknown plain values; the settings move into {@code [server]},
     * {@code [inference]} and {@code [logging]} (appended after keys a table already had); then the tables are put in
     * the formats' order, {@code [server]}, {@code [inference]}, {@code [workers]}, {@code [logging]}, before every
     * other table, which keep their order. Comments go with their keys and tables.
     */
    static void intoTables(TomlDocument toml, RuleContext context) {
        String path = ServeLayout.CONFIG_FILE;
        requireTables(toml, path, "server", "inference", "workers", "logging");
        boolean hadInference = toml.hasTable("inference");
        for (TomlEdit edit : List.of(TomlEdit.moveInto("server", "bind_address", "http_port"),
                TomlEdit.setIfAbsent("server.api_prefix", JsonValue.of("/v2")),
                TomlEdit.moveInto("inference", "max_batch_size", "models_path"),
                TomlEdit.rename("log_level", "logging.level"),
                TomlEdit.setIfAbsent("logging.format", JsonValue.of("text")))) {
            edit.applyTo(toml, path, context.report());
        }
        if (!hadInference && toml.hasTable("inference") && toml.keys("inference").isEmpty()) {
            toml.removeTable("inference");
        }
        List<String> order = List.of("server", "inference", "workers", "logging");
        for (int i = order.size() - 1; i >= 0; i--) {
            String table = order.get(i);
            List<String> tables = toml.tables();
            if (tables.contains(table) && !tables.get(0).equals(table)) {
                toml.moveTable(table, Optional.of(tables.get(0)));
            }
        }
    }

    private static void requireTables(TomlDocument toml, String path, String... names) {
        for (String name : names) {
            if (toml.has(name)) {
                throw new RuleFailure(path, "key " + name, "key " + name + " must be a table");
            }
        }
    }

    /** 2.1.0 to 2.0.0 (a lossy edge): both tables removed; a non-default value is named in a warning. */
    static void removeStreaming(TomlDocument toml, RuleContext context) {
        dropTable(toml, context, "streaming", Map.of("enabled", "true", "chunk_size", "16"));
        dropTable(toml, context, "rate_limit", Map.of("requests_per_minute", "600", "burst", "50"));
    }

    private static void dropTable(TomlDocument toml, RuleContext context, String name, Map<String, String> defaults) {
        String path = ServeLayout.CONFIG_FILE;
        if (toml.has(name)) {
            toml.remove(name);
            context.report().warn(path, "key " + name + " dropped: version 2.0.0 has no " + name + " settings");
            return;
        }
        if (!toml.hasTable(name)) {
            return;
        }
        for (String key : toml.keys(name)) {
            JsonValue value = toml.get(name + "." + key).orElseThrow();
            String expected = defaults.get(key);
            if (expected == null || !expected.equals(plain(value))) {
                context.report().warn(path, "key " + name + "." + key + " = " + shown(value)
                        + " dropped: version 2.0.0 has no " + name + " settings");
            }
        }
        toml.removeTable(name);
    }

    /**
     * 2.0.0 to 1.0.0. The top gets bind_address, http_port, models_path, max_batch_size, log_level first (the 1.0.0
     * order), before its other plain values; the server, inference and logging tables stay only if unknown keys are
     * left in them.
     */
    static void outOfTables(TomlDocument toml, RuleContext context) {
        String path = ServeLayout.CONFIG_FILE;
        requireTables(toml, path, "server", "inference", "logging");
        dropDefault(toml, context, "server.api_prefix", "/v2");
        dropDefault(toml, context, "logging.format", "text");
        List<String> others = toml.keys("");
        Optional<String> first = others.isEmpty() ? Optional.empty() : Optional.of(others.get(0));
        takeBack(toml, context, "server.bind_address", "bind_address", first);
        takeBack(toml, context, "server.http_port", "http_port", first);
        takeBack(toml, context, "inference.models_path", "models_path", first);
        takeBack(toml, context, "inference.max_batch_size", "max_batch_size", first);
        takeBack(toml, context, "logging.level", "log_level", first);
        for (String table : List.of("server", "inference", "logging")) {
            if (toml.hasTable(table) && toml.keys(table).isEmpty() && toml.tables().stream()
                    .noneMatch(t -> t.startsWith(table + "."))) {
                toml.removeTable(table);
            }
        }
    }

    private static void takeBack(TomlDocument toml, RuleContext context, String key, String newKey, Optional<String> before) {
        if (!toml.has(key)) {
            return;
        }
        if (toml.has(newKey)) {
            toml.remove(key);
            context.report().warn(ServeLayout.CONFIG_FILE, "key " + key + " dropped: " + newKey + " is already set and wins");
            return;
        }
        toml.moveInto("", key, before);
        String name = key.substring(key.indexOf('.') + 1);
        if (!name.equals(newKey)) {
            toml.rename(name, newKey);
        }
    }

    private static void dropDefault(TomlDocument toml, RuleContext context, String key, String defaultValue) {
        Optional<JsonValue> value = toml.get(key);
        if (value.isEmpty()) {
            return;
        }
        toml.remove(key);
        if (value.get() instanceof JsonText text && text.value().equals(defaultValue)) {
            return;
        }
        if (!context.lossyAllowed()) {
            throw new RuleFailure(ServeLayout.CONFIG_FILE, "key " + key, key + " is " + shown(value.get())
                    + " but version 1.0.0 only knows \"" + defaultValue + "\"; allow lossy steps to drop it");
        }
        context.report().warn(ServeLayout.CONFIG_FILE, "key " + key + " = " + shown(value.get())
                + " dropped: version 1.0.0 only knows \"" + defaultValue + "\"");
    }

    /** A value as text, as a default is written ({@code true}, {@code 16}, {@code /v2}). */
    private static String plain(JsonValue value) {
        return value instanceof JsonText text ? text.value() : shown(value);
    }

    /** A value as JSON writes it, for messages. */
    private static String shown(JsonValue value) {
        if (value instanceof JsonText text) {
            return "\"" + text.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (value instanceof JsonNumber number) {
            return number.literal();
        }
        if (value instanceof JsonBoolean bool) {
            return Boolean.toString(bool.value());
        }
        return value.kind();
    }
}
