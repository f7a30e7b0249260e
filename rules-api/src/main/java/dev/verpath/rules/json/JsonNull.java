package dev.verpath.rules.json;

/** The JSON {@code null}. */
public record JsonNull() implements JsonValue {

    /** The one null. */
    public static final JsonNull NULL = new JsonNull();
}
