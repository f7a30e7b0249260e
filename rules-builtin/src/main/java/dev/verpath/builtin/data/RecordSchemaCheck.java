package dev.verpath.builtin.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.builtin.ServeLayout;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * The shape of a record at one version from 1.0.0 on: the right {@code schema_version}; from 2.0.0 on
 * a {@code timestamp} string and no {@code ts}, {@code usage} an object; at 2.1.0 a {@code metrics}
 * object and no {@code api_key}. Fields the formats do not define are not looked at. (A 0.1.0 record
 * has no required shape.) Immutable and thread-safe.
 */
public final class RecordSchemaCheck implements RecordCheck {

    private final ValidationDescriptor descriptor;
    private final int schemaVersion;

    private RecordSchemaCheck(String version, int schemaVersion) {
        this.descriptor = new ValidationDescriptor("serve." + version + ".record-schema", "Record schema " + version,
                "Checks that a record has schema_version " + schemaVersion + " and the field shapes of version "
                        + version + ".", ServeLayout.PRODUCT, version, ValidationCategory.SCHEMA, Severity.ERROR);
        this.schemaVersion = schemaVersion;
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
    public Optional<String> check(ObjectNode record) {
        JsonNode version = record.get("schema_version");
        if (version == null) {
            return Optional.of("field schema_version is missing (expected " + schemaVersion + ")");
        }
        if (!version.isIntegralNumber() || version.asInt() != schemaVersion) {
            return Optional.of("field schema_version is " + version + " (expected " + schemaVersion + ")");
        }
        if (schemaVersion == 1) {
            return shape(record, "ts", Shape.NUMBER);
        }
        if (record.has("ts")) {
            return Optional.of("field ts must have become timestamp");
        }
        Optional<String> problem = shape(record, "timestamp", Shape.STRING);
        if (problem.isEmpty()) {
            problem = shape(record, "usage", Shape.OBJECT);
        }
        if (problem.isPresent() || schemaVersion == 2) {
            return problem;
        }
        JsonNode metrics = record.get("metrics");
        if (metrics == null || !metrics.isObject()) {
            return Optional.of("field metrics is " + (metrics == null ? "missing" : "not an object"));
        }
        JsonNode speed = metrics.get("tokens_per_second");
        if (speed == null || !(speed.isNumber() || speed.isNull())) {
            return Optional.of("field metrics.tokens_per_second is " + (speed == null ? "missing" : "not a number"));
        }
        if (record.has("api_key")) {
            return Optional.of("field api_key must have become api_key_fingerprint");
        }
        return Optional.empty();
    }

    /** The node types a field may have (besides null). */
    private enum Shape {
        NUMBER("a number"), STRING("a string"), OBJECT("an object");

        private final String expected;

        Shape(String expected) {
            this.expected = expected;
        }
    }

    private static Optional<String> shape(ObjectNode record, String field, Shape shape) {
        JsonNode value = record.get(field);
        if (value == null) {
            return Optional.empty();
        }
        JsonNodeType type = value.getNodeType();
        boolean ok = switch (shape) {
            case NUMBER -> type == JsonNodeType.NUMBER;
            case STRING -> type == JsonNodeType.STRING;
            case OBJECT -> type == JsonNodeType.OBJECT;
        };
        if (ok || type == JsonNodeType.NULL) {
            return Optional.empty();
        }
        return Optional.of("field " + field + " is not " + shape.expected);
    }
}
