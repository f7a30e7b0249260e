package dev.verpath.rules.json;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A JSON value as a record rule reads and writes it: one of six immutable kinds. It is Verpath's own type, not a
 * parser's, so a rule compiled against it works whatever JSON library the engine uses. A number keeps the
 * spelling it was read with ({@code 1.50}, {@code 1e3}, {@code -0}), so a value passed through unchanged is written
 * back with the same bytes.
 *
 * <pre>{@code
 * JsonValue ts = record.get("ts").orElse(JsonNull.NULL);
 * if (ts instanceof JsonNumber n) { ... n.decimal() ... }
 * record.put("schema_version", JsonValue.of(3));
 * }</pre>
 */
public sealed interface JsonValue permits JsonText, JsonNumber, JsonBoolean, JsonNull, JsonArray, JsonObject {

    /**
     * @param text a string
     * @return the JSON string
     */
    static JsonText of(String text) {
        return new JsonText(text);
    }

    /**
     * @param number a whole number
     * @return the JSON number, spelled as Java spells it
     */
    static JsonNumber of(long number) {
        return new JsonNumber(Long.toString(number));
    }

    /**
     * @param number a decimal number
     * @return the JSON number, spelled as {@link BigDecimal#toString()} spells it (no exponent for plain scales)
     */
    static JsonNumber of(BigDecimal number) {
        return new JsonNumber(number.toString());
    }

    /**
     * @param value true or false
     * @return the JSON boolean
     */
    static JsonBoolean of(boolean value) {
        return value ? JsonBoolean.TRUE : JsonBoolean.FALSE;
    }

    /** @return the string, when this is one */
    default Optional<String> asText() {
        return this instanceof JsonText t ? Optional.of(t.value()) : Optional.empty();
    }

    /** @return the number, when this is one */
    default Optional<JsonNumber> asNumber() {
        return this instanceof JsonNumber n ? Optional.of(n) : Optional.empty();
    }

    /** @return the object, when this is one */
    default Optional<JsonObject> asObject() {
        return this instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    }

    /** @return the array, when this is one */
    default Optional<JsonArray> asArray() {
        return this instanceof JsonArray a ? Optional.of(a) : Optional.empty();
    }

    /** @return true for {@code null} */
    default boolean isNull() {
        return this instanceof JsonNull;
    }

    /** @return what kind of value this is, for messages: {@code a string}, {@code a number}, ... */
    default String kind() {
        if (this instanceof JsonText) {
            return "a string";
        }
        if (this instanceof JsonNumber) {
            return "a number";
        }
        if (this instanceof JsonBoolean) {
            return "a boolean";
        }
        if (this instanceof JsonNull) {
            return "null";
        }
        return this instanceof JsonArray ? "an array" : "an object";
    }
}
