package dev.verpath.rules.json;

import java.util.List;

/**
 * A JSON array.
 *
 * @param items the items, in order
 */
public record JsonArray(List<JsonValue> items) implements JsonValue {

    /** Copies the items. */
    public JsonArray {
        items = List.copyOf(items);
    }
}
