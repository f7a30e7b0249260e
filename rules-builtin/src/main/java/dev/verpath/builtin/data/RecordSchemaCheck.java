package dev.verpath.builtin.data;

import dev.verpath.builtin.ServeLayout;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RecordReader;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.json.JsonBoolean;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonText;
import dev.verpath.rules.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * The shape of a record at one version from 1.0.0 on: the right {@code schema_version}; from 2.0.0 on
 * a {@code timestamp} string and no {@code ts}, {@code usage} an object; at 2.1.0 a {@code metrics}
 * object and no {@code api_key}. Fields the formats do not define are not looked at. (A 0.1.0 record
 * has no required shape.) One declaration for both places a record is checked: the record pipeline runs it on
 * every record as it leaves a step (failing the step, naming the file and line), and {@code migrate validate} runs
 * it on every record of the installed files under {@code data/} (a finding on the file and line), in the same
 * words. Immutable and thread-safe.
 */
public final class RecordSchemaCheck implements RecordCheck {

    private static final String A_NUMBER = "a number";
    private static final String NULL = "null";

    private final ValidationDescriptor descriptor;
    private final int schemaVersion;
    private final String schemaLiteral;

    private RecordSchemaCheck(String version, int schemaVersion) {
        this.descriptor = new ValidationDescriptor("serve." + version + ".data-schema", "Data schema " + version,
                "Checks that every record under data/ has schema_version " + schemaVersion + " and the field shapes of "
                        + "version " + version + ".", ServeLayout.PRODUCT, version, ValidationCategory.SCHEMA, Severity.ERROR);
        this.schemaVersion = schemaVersion;
        this.schemaLiteral = Integer.toString(schemaVersion);
    }

    /** @return the checks of 1.0.0, 2.0.0 and 2.1.0 */
    public static List<RecordSchemaCheck> all() {
        return List.of(new RecordSchemaCheck(ServeLayout.V1_0_0, 1), new RecordSchemaCheck(ServeLayout.V2_0_0, 2),
                new RecordSchemaCheck(ServeLayout.V2_1_0, 3));
    }

    /**
     * The check of one version.
     *
     * @param version a version
     * @return the check, or empty for a version without one (0.1.0)
     */
    public static Optional<RecordSchemaCheck> of(String version) {
        return all().stream().filter(c -> c.descriptor.versions().equals(version)).findFirst();
    }

    @Override
    public ValidationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Optional<String> check(RecordReader record) {
        if (!record.isNumber("schema_version", schemaLiteral)) {
            Optional<JsonValue> version = record.get("schema_version");
            return Optional.of("field schema_version is " + version.map(RecordSchemaCheck::shown).orElse("missing")
                    + " (expected " + schemaVersion + ")");
        }
        if (schemaVersion == 1) {
            return shape(record, "ts", A_NUMBER);
        }
        if (record.has("ts")) {
            return Optional.of("field ts must have become timestamp");
        }
        Optional<String> problem = shape(record, "timestamp", "a string");
        if (problem.isEmpty()) {
            problem = shape(record, "usage", "an object");
        }
        if (problem.isPresent() || schemaVersion == 2) {
            return problem;
        }
        if (!record.isObject("metrics")) {
            return Optional.of("field metrics is " + (record.has("metrics") ? "not an object" : "missing"));
        }
        String speed = record.kind("metrics.tokens_per_second");
        if (!speed.equals(A_NUMBER) && !speed.equals(NULL)) {
            return Optional.of("field metrics.tokens_per_second is "
                    + (speed.equals(RecordReader.MISSING) ? "missing" : "not a number"));
        }
        if (record.has("api_key")) {
            return Optional.of("field api_key must have become api_key_fingerprint");
        }
        return Optional.empty();
    }

    /** A field that, when set and not null, must be of a kind ({@link JsonValue#kind()}'s words). */
    private static Optional<String> shape(RecordReader record, String field, String expected) {
        String kind = record.kind(field);
        if (kind.equals(RecordReader.MISSING) || kind.equals(expected) || kind.equals(NULL)) {
            return Optional.empty();
        }
        return Optional.of("field " + field + " is not " + expected);
    }

    /** A value as a message shows it: a number or literal as written, a string in quotes, else its kind. */
    static String shown(JsonValue value) {
        if (value instanceof JsonNumber n) {
            return n.literal();
        }
        if (value instanceof JsonText t) {
            return "\"" + t.value() + "\"";
        }
        if (value instanceof JsonBoolean b) {
            return Boolean.toString(b.value());
        }
        return value.isNull() ? "null" : value.kind();
    }
}
