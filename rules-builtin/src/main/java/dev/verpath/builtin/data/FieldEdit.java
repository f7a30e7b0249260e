package dev.verpath.builtin.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Changes to the top-level fields of one record, applied in one pass: each named field is replaced,
 * where it stands, by zero or more new fields; every other field keeps its place. Collecting the
 * changes first means a record is rebuilt once per rule, however many fields move. Not thread-safe;
 * one per record.
 */
final class FieldEdit {

    private final List<String> fields = new ArrayList<>(3);
    private final List<Map<String, JsonNode>> replacements = new ArrayList<>(3);

    /**
     * Replaces a field by another (new name, new value) at the same position.
     *
     * @param field   a field of the record
     * @param newName the new field's name; must not be in the record unless it is {@code field}
     * @param value   the new field's value
     * @return this edit
     */
    FieldEdit replace(String field, String newName, JsonNode value) {
        return splice(field, Collections.singletonMap(newName, value));
    }

    /**
     * Removes a field.
     *
     * @param field a field of the record
     * @return this edit
     */
    FieldEdit remove(String field) {
        return splice(field, Map.of());
    }

    /**
     * Puts fields at the position of an existing one, which goes.
     *
     * @param field       a field of the record
     * @param replacement the new fields in order; none may be in the record already
     * @return this edit
     */
    FieldEdit splice(String field, Map<String, JsonNode> replacement) {
        fields.add(field);
        replacements.add(replacement);
        return this;
    }

    private int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (field == name || field.equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Applies the changes.
     *
     * @param record the record
     */
    void apply(ObjectNode record) {
        if (fields.isEmpty()) {
            return;
        }
        int size = record.size();
        String[] names = new String[size];
        JsonNode[] values = new JsonNode[size];
        int i = 0;
        for (Map.Entry<String, JsonNode> entry : record.properties()) {
            names[i] = entry.getKey();
            values[i++] = entry.getValue();
        }
        record.removeAll();
        for (i = 0; i < size; i++) {
            int change = indexOf(names[i]);
            if (change < 0) {
                record.set(names[i], values[i]);
            } else {
                for (Map.Entry<String, JsonNode> entry : replacements.get(change).entrySet()) {
                    record.set(entry.getKey(), entry.getValue());
                }
            }
        }
    }
}
