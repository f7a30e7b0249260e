package dev.verpath.builtin.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Changes to the top-level fields of one record, applied in one pass: each named field is replaced,
 * where it stands, by zero or more new fields; every other field keeps its place. Collecting the
 * changes first means a record is rebuilt once per rule, however many fields move. This runs for every
 * record, so an edit is reused: {@link #start()} hands out the calling thread's edit, emptied. Not
 * thread-safe; one record at a time per thread.
 */
final class FieldEdit {

    private static final ThreadLocal<FieldEdit> PER_THREAD = ThreadLocal.withInitial(FieldEdit::new);

    private String[] fields = new String[4];
    private String[] newNames = new String[4];
    private JsonNode[] newValues = new JsonNode[4];
    private Map<?, ?>[] splices = new Map<?, ?>[4];
    private int[] groups = new int[4];
    private int changes;
    private int nextGroup = 1;

    private String[] names = new String[16];
    private JsonNode[] values = new JsonNode[16];
    private int[] changeAt = new int[16];
    private int taken;
    private final BiConsumer<String, JsonNode> take = (name, value) -> {
        names[taken] = name;
        values[taken] = value;
        changeAt[taken++] = changeOf(name);
    };

    private FieldEdit() {
    }

    /** @return the calling thread's edit, without changes */
    static FieldEdit start() {
        FieldEdit edit = PER_THREAD.get();
        edit.clear();
        return edit;
    }

    /**
     * Replaces a field by another (new name, new value) at the same position.
     *
     * @param field   a field of the record
     * @param newName the new field's name; must not be in the record unless it is {@code field}
     * @param value   the new field's value
     * @return this edit
     */
    FieldEdit replace(String field, String newName, JsonNode value) {
        return add(field, newName, value, null, 0);
    }

    /**
     * Replaces whichever of two fields comes first by a new field, and removes the other.
     *
     * @param first   a field of the record
     * @param second  another field of the record
     * @param newName the new field's name; must not be in the record
     * @param value   the new field's value
     * @return this edit
     */
    FieldEdit replaceFirstOf(String first, String second, String newName, JsonNode value) {
        int group = nextGroup++;
        add(first, newName, value, null, group);
        return add(second, newName, value, null, group);
    }

    /**
     * Removes a field.
     *
     * @param field a field of the record
     * @return this edit
     */
    FieldEdit remove(String field) {
        return add(field, null, null, null, 0);
    }

    /**
     * Puts fields at the position of an existing one, which goes.
     *
     * @param field       a field of the record
     * @param replacement the new fields in order; none may be in the record already
     * @return this edit
     */
    FieldEdit splice(String field, Map<String, JsonNode> replacement) {
        return add(field, null, null, replacement, 0);
    }

    private FieldEdit add(String field, String newName, JsonNode value, Map<String, JsonNode> splice, int group) {
        if (changes == fields.length) {
            int size = changes * 2;
            fields = Arrays.copyOf(fields, size);
            newNames = Arrays.copyOf(newNames, size);
            newValues = Arrays.copyOf(newValues, size);
            splices = Arrays.copyOf(splices, size);
            groups = Arrays.copyOf(groups, size);
        }
        fields[changes] = field;
        newNames[changes] = newName;
        newValues[changes] = value;
        splices[changes] = splice;
        groups[changes] = group;
        changes++;
        return this;
    }

    /** @return the first change that names the field, or -1 */
    private int changeOf(String name) {
        for (int c = 0; c < changes; c++) {
            String field = fields[c];
            if (field == name || field.equals(name)) {
                return c;
            }
        }
        return -1;
    }

    /**
     * Applies the changes; the edit is then empty again.
     *
     * @param record the record
     */
    void apply(ObjectNode record) {
        if (changes == 0) {
            return;
        }
        int size = record.size();
        if (names.length < size) {
            names = new String[size * 2];
            values = new JsonNode[size * 2];
            changeAt = new int[size * 2];
        }
        taken = 0;
        record.forEachEntry(take);
        record.removeAll();
        for (int i = 0; i < size; i++) {
            int change = changeAt[i];
            if (change < 0) {
                record.set(names[i], values[i]);
            } else {
                emit(record, change);
            }
        }
        // names and values keep the last record's fields until the next one overwrites them
        clear();
    }

    @SuppressWarnings("unchecked")
    private void emit(ObjectNode record, int change) {
        int group = groups[change];
        if (group < 0) {
            return;
        }
        if (group > 0) {
            for (int i = 0; i < changes; i++) {
                if (groups[i] == group) {
                    groups[i] = -1;
                }
            }
        }
        if (newNames[change] != null) {
            record.set(newNames[change], newValues[change]);
        } else if (splices[change] != null) {
            for (Map.Entry<String, JsonNode> entry : ((Map<String, JsonNode>) splices[change]).entrySet()) {
                record.set(entry.getKey(), entry.getValue());
            }
        }
    }

    private void clear() {
        Arrays.fill(fields, 0, changes, null);
        Arrays.fill(newNames, 0, changes, null);
        Arrays.fill(newValues, 0, changes, null);
        Arrays.fill(splices, 0, changes, null);
        changes = 0;
        nextGroup = 1;
    }
}
