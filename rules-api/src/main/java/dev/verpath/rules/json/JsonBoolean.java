package dev.verpath.rules.json;

/**
 * A JSON {@code true} or {@code false}.
 *
 * @param value the value
 */
public record JsonBoolean(boolean value) implements JsonValue {

    /** {@code true}. */
    public static final JsonBoolean TRUE = new JsonBoolean(true);

    /** {@code false}. */
    public static final JsonBoolean FALSE = new JsonBoolean(false);
}
