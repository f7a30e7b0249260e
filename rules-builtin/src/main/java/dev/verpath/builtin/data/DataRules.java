package dev.verpath.builtin.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.verpath.builtin.ServeEdge;
import dev.verpath.rules.RecordContext;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleKind;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data rules of every {@code serve} edge. A field the formats move is replaced where it stands
 * (a new object such as {@code usage} takes the place of the first field it takes in; {@code metrics}
 * is added at the end when there is no {@code latency_ms}); every other field keeps its place. When
 * the new name of a moved field is already set, that field wins and the old one is dropped with a
 * warning naming the line. Thread-safe.
 */
public final class DataRules {

    /** The breaking change of 1.0.0 to 2.0.0 that concerns the records. */
    static final List<String> BREAKING_2_0_0 = List.of("Database schema updated");


    private DataRules() {
    }

    /** @return the data rule of every edge */
    public static List<DataRule> all() {
        return List.of(
                new DataRule(ServeEdge.TO_1_0_0.describe(RuleKind.DATA, "Add schema version to records",
                        "Adds \"schema_version\": 1 to every record.", List.of()),
                        DataRules::toSchema1),
                new DataRule(ServeEdge.TO_2_0_0.describe(RuleKind.DATA, "Convert timestamps and group token usage",
                        "Replaces the Unix seconds of ts by an RFC 3339 UTC timestamp, with milliseconds where ts "
                                + "had a fraction. Moves prompt_tokens and completion_tokens into a usage object and "
                                + "sets schema_version 2.", BREAKING_2_0_0),
                        DataRules::toSchema2),
                new DataRule(ServeEdge.TO_2_1_0.describe(RuleKind.DATA, "Add performance metrics and fingerprint API keys",
                        "Moves latency_ms into a metrics object with tokens_per_second rounded half-up to two "
                                + "decimals. Replaces api_key by the first 12 hex characters of its SHA-256 and sets "
                                + "schema_version 3.", List.of()),
                        DataRules::toSchema3),
                new DataRule(ServeEdge.DOWN_TO_2_0_0.describe(RuleKind.DATA, "Remove performance metrics",
                        "Moves latency_ms back out of metrics and drops tokens_per_second. An API key cannot be "
                                + "recovered from its fingerprint, so api_key_fingerprint stays as it is. Sets "
                                + "schema_version 2.", List.of()),
                        DataRules::downToSchema2),
                new DataRule(ServeEdge.DOWN_TO_1_0_0.describe(RuleKind.DATA, "Restore Unix timestamps and token fields",
                        "Replaces timestamp by the same number of Unix seconds in ts and moves the usage fields "
                                + "back to the top level. Sets schema_version 1.", List.of()),
                        DataRules::downToSchema1));
    }

    /** 0.1.0 to 1.0.0: {@code schema_version} added at the end (or set where it stands). */
    static void toSchema1(ObjectNode record, RecordContext context) {
        record.put("schema_version", 1);
    }

    /** 1.0.0 to 2.0.0. */
    static void toSchema2(ObjectNode record, RecordContext context) {
        FieldEdit edit = FieldEdit.start();
        JsonNode ts = record.get("ts");
        if (ts != null) {
            JsonNode timestamp = timestampOf(ts, context);
            if (record.has("timestamp")) {
                edit.remove("ts");
                warn(context, "field ts dropped: timestamp is already set and wins");
            } else {
                edit.replace("ts", "timestamp", timestamp);
            }
        }
        groupUsage(record, edit, context);
        edit.apply(record);
        record.put("schema_version", 2);
    }

    private static JsonNode timestampOf(JsonNode ts, RecordContext context) {
        if (ts.isNull()) {
            return NullNode.instance;
        }
        if (!ts.isNumber()) {
            throw new RuleFailure(context.path(), "field ts", "field ts is not a number of seconds: " + ts);
        }
        try {
            return TextNode.valueOf(Timestamps.format(ts));
        } catch (DateTimeException | ArithmeticException e) {
            throw new RuleFailure(context.path(), "field ts", "field ts is out of range: " + ts);
        }
    }

    private static void groupUsage(ObjectNode record, FieldEdit edit, RecordContext context) {
        JsonNode prompt = record.get("prompt_tokens");
        JsonNode completion = record.get("completion_tokens");
        if (prompt == null && completion == null) {
            return;
        }
        JsonNode existing = record.get("usage");
        if (existing != null) {
            ObjectNode usage = object(existing, "usage", context);
            moveInto(record, "prompt_tokens", usage, "usage", edit, context);
            moveInto(record, "completion_tokens", usage, "usage", edit, context);
            return;
        }
        ObjectNode usage = record.objectNode();
        if (prompt != null) {
            usage.set("prompt_tokens", prompt);
        }
        if (completion != null) {
            usage.set("completion_tokens", completion);
        }
        if (prompt != null && completion != null) {
            edit.replaceFirstOf("prompt_tokens", "completion_tokens", "usage", usage);
        } else {
            edit.replace(prompt != null ? "prompt_tokens" : "completion_tokens", "usage", usage);
        }
    }

    /** 2.0.0 to 2.1.0. */
    static void toSchema3(ObjectNode record, RecordContext context) {
        record.put("schema_version", 3);
        FieldEdit edit = FieldEdit.start();
        JsonNode latency = record.get("latency_ms");
        JsonNode usage = record.get("usage");
        JsonNode completion = usage != null && usage.isObject() ? usage.get("completion_tokens") : null;
        JsonNode existing = record.get("metrics");
        ObjectNode appended = null;
        if (existing != null) {
            ObjectNode metrics = object(existing, "metrics", context);
            moveInto(record, "latency_ms", metrics, "metrics", edit, context);
            if (!metrics.has("tokens_per_second")) {
                metrics.set("tokens_per_second", TokensPerSecond.of(completion, metrics.get("latency_ms")));
            }
        } else {
            ObjectNode metrics = record.objectNode();
            if (latency != null) {
                metrics.set("latency_ms", latency);
            }
            metrics.set("tokens_per_second", TokensPerSecond.of(completion, latency));
            if (latency != null) {
                edit.replace("latency_ms", "metrics", metrics);
            } else {
                appended = metrics;
            }
        }
        JsonNode key = record.get("api_key");
        if (key != null) {
            JsonNode fingerprint;
            if (key.isTextual()) {
                fingerprint = TextNode.valueOf(Fingerprints.of(key.textValue()));
            } else if (key.isNull()) {
                fingerprint = NullNode.instance;
            } else {
                throw new RuleFailure(context.path(), "field api_key", "field api_key is not a string");
            }
            if (record.has("api_key_fingerprint")) {
                edit.remove("api_key");
                warn(context, "field api_key removed: api_key_fingerprint is already set and wins");
            } else {
                edit.replace("api_key", "api_key_fingerprint", fingerprint);
            }
        }
        edit.apply(record);
        if (appended != null) {
            record.set("metrics", appended);
        }
    }

    /** 2.1.0 to 2.0.0: {@code latency_ms} back where {@code metrics} stood; the fingerprint stays. */
    static void downToSchema2(ObjectNode record, RecordContext context) {
        record.put("schema_version", 2);
        JsonNode existing = record.get("metrics");
        if (existing == null) {
            return;
        }
        ObjectNode metrics = object(existing, "metrics", context);
        metrics.remove("tokens_per_second");
        Map<String, JsonNode> replacement = new LinkedHashMap<>();
        takeOut(record, metrics, "latency_ms", "metrics", replacement, context);
        if (!metrics.isEmpty()) {
            replacement.put("metrics", metrics);
        }
        FieldEdit.start().splice("metrics", replacement).apply(record);
    }

    /** 2.0.0 to 1.0.0: {@code ts} where {@code timestamp} stood, token fields where {@code usage} stood. */
    static void downToSchema1(ObjectNode record, RecordContext context) {
        record.put("schema_version", 1);
        FieldEdit edit = FieldEdit.start();
        JsonNode timestamp = record.get("timestamp");
        if (timestamp != null) {
            JsonNode ts = tsOf(timestamp, context);
            if (record.has("ts")) {
                edit.remove("timestamp");
                warn(context, "field timestamp dropped: ts is already set and wins");
            } else {
                edit.replace("timestamp", "ts", ts);
            }
        }
        JsonNode existing = record.get("usage");
        if (existing != null) {
            ObjectNode usage = object(existing, "usage", context);
            Map<String, JsonNode> replacement = new LinkedHashMap<>();
            takeOut(record, usage, "prompt_tokens", "usage", replacement, context);
            takeOut(record, usage, "completion_tokens", "usage", replacement, context);
            if (!usage.isEmpty()) {
                replacement.put("usage", usage);
            }
            edit.splice("usage", replacement);
        }
        edit.apply(record);
    }

    private static JsonNode tsOf(JsonNode timestamp, RecordContext context) {
        if (timestamp.isNull()) {
            return NullNode.instance;
        }
        try {
            if (timestamp.isTextual()) {
                return Timestamps.parse(timestamp.textValue());
            }
        } catch (DateTimeException e) {
            // reported below
        }
        throw new RuleFailure(context.path(), "field timestamp",
                "field timestamp is not an RFC 3339 time: " + timestamp);
    }

    private static ObjectNode object(JsonNode node, String field, RecordContext context) {
        if (!node.isObject()) {
            throw new RuleFailure(context.path(), "field " + field, "field " + field + " is not an object: " + node);
        }
        return (ObjectNode) node;
    }

    /** Moves a top-level field into an existing object, unless the object has it already. */
    private static void moveInto(ObjectNode record, String field, ObjectNode target, String targetName,
            FieldEdit edit, RecordContext context) {
        JsonNode value = record.get(field);
        if (value == null) {
            return;
        }
        edit.remove(field);
        if (target.has(field)) {
            warn(context, "field " + field + " dropped: " + targetName + "." + field + " is already set and wins");
        } else {
            target.set(field, value);
        }
    }

    /** Takes a field out of an object for the top level, unless the top level has it already. */
    private static void takeOut(ObjectNode record, ObjectNode source, String field, String sourceName,
            Map<String, JsonNode> replacement, RecordContext context) {
        JsonNode value = source.remove(field);
        if (value == null) {
            return;
        }
        if (record.has(field)) {
            warn(context, "field " + sourceName + "." + field + " dropped: " + field + " is already set and wins");
        } else {
            replacement.put(field, value);
        }
    }

    private static void warn(RecordContext context, String message) {
        context.report().warn(context.path(), "line " + context.line() + ": " + message);
    }
}
