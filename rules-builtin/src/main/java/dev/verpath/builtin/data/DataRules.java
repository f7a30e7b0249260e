package dev.verpath.builtin.data;

import dev.verpath.builtin.ServeEdge;
import dev.verpath.rules.RecordContext;
import dev.verpath.rules.RecordEdit;
import dev.verpath.rules.RecordEdits;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.json.JsonNull;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonText;
import dev.verpath.rules.json.JsonValue;
import java.time.DateTimeException;
import java.util.List;

/**
 * The data rules of every {@code serve} edge, as record edits. A field the formats move is replaced where it
 * stands (a new object such as {@code usage} takes the place of the first field it takes in; {@code metrics} is
 * added at the end when there is no {@code latency_ms}); every other field keeps its place and its bytes. When the
 * new name of a moved field is already set, that field wins and the old one is dropped with a warning naming the
 * line. Thread-safe.
 */
public final class DataRules {

    /** The breaking change of 1.0.0 to 2.0.0 that concerns the records. */
    static final List<String> BREAKING_2_0_0 = List.of("Database schema updated");

    private DataRules() {
    }

    /** @return the data rule of every edge */
    public static List<RecordEdits> all() {
        return List.of(
                new RecordEdits(ServeEdge.TO_1_0_0.describe(RuleKind.DATA, "Add schema version to records",
                        "Adds \"schema_version\": 1 to every record.", List.of()),
                        List.of(RecordEdit.set("schema_version", JsonValue.of(1)))),
                new RecordEdits(ServeEdge.TO_2_0_0.describe(RuleKind.DATA, "Convert timestamps and group token usage",
                        "Replaces the Unix seconds of ts by an RFC 3339 UTC timestamp, with milliseconds where ts "
                                + "had a fraction. Moves prompt_tokens and completion_tokens into a usage object and "
                                + "sets schema_version 2.", BREAKING_2_0_0),
                        List.of(RecordEdit.map("ts", DataRules::timestampOf),
                                RecordEdit.rename("ts", "timestamp"),
                                RecordEdit.moveInto("usage", "prompt_tokens", "completion_tokens"),
                                RecordEdit.set("schema_version", JsonValue.of(2)))),
                new RecordEdits(ServeEdge.TO_2_1_0.describe(RuleKind.DATA, "Add performance metrics and fingerprint API keys",
                        "Moves latency_ms into a metrics object with tokens_per_second rounded half-up to two "
                                + "decimals. Replaces api_key by the first 12 hex characters of its SHA-256 and sets "
                                + "schema_version 3.", List.of()),
                        List.of(RecordEdit.set("schema_version", JsonValue.of(3)),
                                RecordEdit.moveInto("metrics", "latency_ms"),
                                RecordEdit.setIfAbsent("metrics.tokens_per_second",
                                        List.of("usage.completion_tokens", "metrics.latency_ms"),
                                        (record, context) -> TokensPerSecond.of(record.get("usage.completion_tokens"),
                                                record.get("metrics.latency_ms"))),
                                RecordEdit.map("api_key", DataRules::fingerprintOf),
                                RecordEdit.rename("api_key", "api_key_fingerprint"))),
                new RecordEdits(ServeEdge.DOWN_TO_2_0_0.describe(RuleKind.DATA, "Remove performance metrics",
                        "Moves latency_ms back out of metrics and drops tokens_per_second. An API key cannot be "
                                + "recovered from its fingerprint, so api_key_fingerprint stays as it is. Sets "
                                + "schema_version 2.", List.of()),
                        List.of(RecordEdit.set("schema_version", JsonValue.of(2)),
                                RecordEdit.remove("metrics.tokens_per_second"),
                                RecordEdit.moveOut("metrics.latency_ms"))),
                new RecordEdits(ServeEdge.DOWN_TO_1_0_0.describe(RuleKind.DATA, "Restore Unix timestamps and token fields",
                        "Replaces timestamp by the same number of Unix seconds in ts and moves the usage fields "
                                + "back to the top level. Sets schema_version 1.", List.of()),
                        List.of(RecordEdit.set("schema_version", JsonValue.of(1)),
                                RecordEdit.map("timestamp", DataRules::tsOf),
                                RecordEdit.rename("timestamp", "ts"),
                                RecordEdit.moveOut("usage.prompt_tokens"),
                                RecordEdit.moveOut("usage.completion_tokens"))));
    }

    private static JsonValue timestampOf(JsonValue ts, RecordContext context) {
        if (ts.isNull()) {
            return JsonNull.NULL;
        }
        if (!(ts instanceof JsonNumber number)) {
            throw new RuleFailure(context.path(), "field ts", "field ts is not a number of seconds: "
                    + RecordSchemaCheck.shown(ts));
        }
        try {
            return JsonValue.of(Timestamps.format(number));
        } catch (DateTimeException | ArithmeticException e) {
            throw new RuleFailure(context.path(), "field ts", "field ts is out of range: " + number.literal());
        }
    }

    private static JsonValue fingerprintOf(JsonValue key, RecordContext context) {
        if (key instanceof JsonText text) {
            return JsonValue.of(Fingerprints.of(text.value()));
        }
        if (key.isNull()) {
            return JsonNull.NULL;
        }
        throw new RuleFailure(context.path(), "field api_key", "field api_key is not a string");
    }

    private static JsonValue tsOf(JsonValue timestamp, RecordContext context) {
        if (timestamp.isNull()) {
            return JsonNull.NULL;
        }
        try {
            if (timestamp instanceof JsonText text) {
                return Timestamps.parse(text.value());
            }
        } catch (DateTimeException e) {
            // reported below
        }
        throw new RuleFailure(context.path(), "field timestamp",
                "field timestamp is not an RFC 3339 time: " + RecordSchemaCheck.shown(timestamp));
    }
}
