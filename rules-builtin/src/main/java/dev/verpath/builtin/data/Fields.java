package dev.verpath.builtin.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves of record fields that keep every other field where it stands. Stateless.
 */
final class Fields {

    private Fields() {
    }

    /**
     * Replaces a field by another (new name, new value) at the same position.
     *
     * @param record  the record
     * @param field   the field to replace; must be present
     * @param newName the new field's name; must not be present (unless it is {@code field})
     * @param value   the new field's value
     */
    static void replace(ObjectNode record, String field, String newName, JsonNode value) {
        if (field.equals(newName)) {
            record.set(field, value);
            return;
        }
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : record.properties()) {
            if (entry.getKey().equals(field)) {
                copy.put(newName, value);
            } else {
                copy.put(entry.getKey(), entry.getValue());
            }
        }
        record.removeAll();
        record.setAll(copy);
    }

    /**
     * Puts fields at the position of an existing one, which is removed.
     *
     * @param record      the record
     * @param field       the field whose place the new ones take; must be present
     * @param replacement the new fields in order; none may be present already
     */
    static void splice(ObjectNode record, String field, Map<String, JsonNode> replacement) {
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : record.properties()) {
            if (entry.getKey().equals(field)) {
                copy.putAll(replacement);
            } else {
                copy.put(entry.getKey(), entry.getValue());
            }
        }
        record.removeAll();
        record.setAll(copy);
    }
}
