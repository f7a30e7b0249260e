package dev.verpath.rules;

import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * One record, read-only: what record checks see, and what a computed value of a {@link RecordEdit} reads. A path
 * names a field at the top level ({@code ts}) or inside nested objects, names separated by dots
 * ({@code usage.completion_tokens}); a name with a dot in it is written with a backslash before the dot
 * ({@code a\.b}). Implemented by the engine, which parses only the fields that are read.
 */
public interface RecordReader {

    /**
     * @param path a field path
     * @return the field's value, when the record has it (and every object on the way)
     */
    Optional<JsonValue> get(String path);

    /**
     * @param path a field path
     * @return true when the record has the field
     */
    default boolean has(String path) {
        return get(path).isPresent();
    }

    /**
     * Whether a field holds an object, without reading the object (cheaper than {@link #get} for a shape check).
     *
     * @param path a field path
     * @return true when the record has the field and it is an object
     */
    default boolean isObject(String path) {
        return get(path).map(v -> v instanceof JsonObject).orElse(false);
    }

    /** What {@link #kind} says of a field the record does not have (since 2.3.0). */
    String MISSING = "missing";

    /**
     * What kind of value a field holds, without reading the value (no value object made: for checks that run on
     * every record).
     *
     * @param path a field path
     * @return the kind as {@link JsonValue#kind()} names it ({@code a string}, {@code a number}, {@code a boolean},
     *         {@code null}, {@code an array}, {@code an object}), or {@link #MISSING}; never null
     * @since 2.3.0
     */
    default String kind(String path) {
        return get(path).map(JsonValue::kind).orElse(MISSING);
    }

    /**
     * Whether a field holds a number written exactly so ({@code 3}, not {@code 3.0}), without reading the value.
     *
     * @param path    a field path
     * @param literal the number as JSON writes it
     * @return true when the field is that number, as written
     * @since 2.3.0
     */
    default boolean isNumber(String path, String literal) {
        return get(path).filter(v -> v instanceof JsonNumber n && n.literal().equals(literal)).isPresent();
    }

    /** @return the names of the top-level fields, in order */
    List<String> fieldNames();

    /** @return the whole record as a value (parses every field: for checks that need all of it) */
    JsonObject toObject();

    /**
     * A reader over an object already parsed: for tests of record checks, and for tools that hold records as values.
     *
     * @param record the record
     * @return the reader
     */
    static RecordReader of(JsonObject record) {
        return new ObjectRecordReader(record);
    }

    /**
     * The names of a field path: split at dots, a backslash before a dot keeping the dot in the name.
     *
     * @param path a path such as {@code usage.completion_tokens} or {@code a\.b}
     * @return its names, in order
     * @throws IllegalArgumentException when a name is empty
     */
    static List<String> pathNames(String path) {
        return ObjectRecordReader.names(path);
    }
}
