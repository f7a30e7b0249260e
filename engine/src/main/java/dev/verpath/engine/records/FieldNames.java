package dev.verpath.engine.records;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * Field names ready for the generator: each name's quoted UTF-8 bytes are made once and kept in a
 * small open-addressing table (a record file repeats the same dozen names on every line). Only names
 * of printable ASCII without quote or backslash are kept, for which the bytes are exactly what the
 * generator writes for the name as a string; others are written as strings, and so is every name
 * after the first {@value #KEPT} kept ones (the table never grows). Not thread-safe.
 */
final class FieldNames {

    private static final int KEPT = 256;
    private static final int SLOTS = KEPT * 2;

    private final SerializedString[] slots = new SerializedString[SLOTS];
    private int kept;

    /**
     * Writes a field name.
     *
     * @param generator where to
     * @param name      the name
     * @throws IOException when writing fails
     */
    void write(JsonGenerator generator, String name) throws IOException {
        int slot = name.hashCode() & (SLOTS - 1);
        SerializedString known;
        while ((known = slots[slot]) != null) {
            String value = known.getValue();
            if (value == name || value.equals(name)) {
                generator.writeFieldName(known);
                return;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        if (kept == KEPT || !isPlain(name)) {
            generator.writeFieldName(name);
            return;
        }
        SerializedString made = new SerializedString(name);
        made.asQuotedUTF8(); // made once here, reused on every line
        slots[slot] = made;
        kept++;
        generator.writeFieldName(made);
    }

    private static boolean isPlain(String name) {
        for (int i = 0, n = name.length(); i < n; i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
