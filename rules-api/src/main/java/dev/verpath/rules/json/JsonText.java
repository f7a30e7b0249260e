package dev.verpath.rules.json;

import java.util.Objects;

/**
 * A JSON string.
 *
 * @param value the text, escapes decoded
 */
public record JsonText(String value) implements JsonValue {

    /** Checks that the text is there. */
    public JsonText {
        Objects.requireNonNull(value, "value");
    }
}
