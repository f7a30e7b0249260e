package dev.verpath.engine.records;

import dev.verpath.engine.records.LazyRecord.Field;
import dev.verpath.engine.records.LazyRecord.Obj;
import java.util.List;

/**
 * Writes an object an edit changed with the bytes between its members as they were read. The blanks after its
 * {@code '{'} and before its {@code '}'} stay; a member still in its place keeps the separator before it (so a
 * removed member takes its own along, and no {@code ,,} or {@code , }} is left); a member still in its object
 * keeps the spacing around its colon, renamed or not. A member added, or moved into the object or to another place
 * in it, follows its nearest neighbour that has spacing of its own, the one before it first: the separator of a
 * member that has one, else a comma followed by the blanks after a member's colon; the spacing around a member's
 * colon. An object with no such member (one made by an edit) is compact. Stateless.
 */
final class ObjectLayout {

    private ObjectLayout() {
    }

    /**
     * @param obj the object, changed
     * @param out where to
     */
    static void write(Obj obj, RecordBytes out) {
        List<Field> fields = obj.fields;
        int count = fields.size();
        out.write('{');
        if (count == 0) {
            out.write('}');
            return;
        }
        if (obj.buffer != null) {
            out.write(obj.buffer, obj.start + 1, obj.innerStart - obj.start - 1);
        }
        for (int i = 0; i < count; i++) {
            Field f = fields.get(i);
            boolean untouched = f.keepsColon && f.untouched();
            if (i > 0 && f.sepStart >= 0) {
                if (untouched && f.sepEnd == f.nameStart) {
                    out.write(f.buffer, f.sepStart, f.valueEnd - f.sepStart);
                    continue;
                }
                out.write(f.buffer, f.sepStart, f.sepEnd - f.sepStart);
                if (untouched) {
                    out.write(f.buffer, f.nameStart, f.valueEnd - f.nameStart);
                    continue;
                }
            } else {
                if (i > 0) {
                    separator(fields, i, out);
                }
                if (untouched) {
                    out.write(f.buffer, f.nameStart, f.valueEnd - f.nameStart);
                    continue;
                }
            }
            member(fields, i, f, out);
        }
        if (obj.buffer != null) {
            out.write(obj.buffer, obj.innerEnd, obj.end - 1 - obj.innerEnd);
        }
        out.write('}');
    }

    /** Writes a touched member from its name on: the name, the colon with its spacing, the value. */
    private static void member(List<Field> fields, int i, Field f, RecordBytes out) {
        if (f.keepsColon) {
            int colon = colonStart(f);
            if (f.renamed) {
                out.writeString(f.name);
            } else {
                out.write(f.buffer, f.nameStart, colon - f.nameStart);
            }
            out.write(f.buffer, colon, f.valueStart - colon);
        } else {
            if (f.buffer != null && !f.renamed) {
                out.write(f.buffer, f.nameStart, colonStart(f) - f.nameStart);
            } else {
                out.writeString(f.name);
            }
            colon(fields, i, out);
        }
        if (f.replaced) {
            JsonValues.write(f.value, out);
        } else if (f.nested != null) {
            f.nested.write(out);
        } else {
            out.write(f.buffer, f.valueStart, f.valueEnd - f.valueStart);
        }
    }

    /** Where the spacing around a read member's colon starts: just after its name. */
    private static int colonStart(Field f) {
        int i = f.valueStart - 1;
        while (blank(f.buffer[i])) {
            i--;
        }
        i--; // the colon
        while (blank(f.buffer[i])) {
            i--;
        }
        return i + 1;
    }

    private static boolean blank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** Writes the separator before member i, which has none of its own, as its neighbours are separated. */
    private static void separator(List<Field> fields, int i, RecordBytes out) {
        int from = nearest(fields, i, true);
        if (from >= 0) {
            Field n = fields.get(from);
            out.write(n.buffer, n.sepStart, n.sepEnd - n.sepStart);
            return;
        }
        out.write(',');
        int spaced = nearest(fields, i, false);
        if (spaced >= 0) {
            Field n = fields.get(spaced);
            int blanks = n.valueStart;
            while (blank(n.buffer[blanks - 1])) {
                blanks--;
            }
            out.write(n.buffer, blanks, n.valueStart - blanks);
        }
    }

    /** Writes the colon of member i, which has no spacing of its own, as its neighbours' colons are spaced. */
    private static void colon(List<Field> fields, int i, RecordBytes out) {
        int from = nearest(fields, i, false);
        if (from < 0) {
            out.write(':');
            return;
        }
        Field n = fields.get(from);
        int start = colonStart(n);
        out.write(n.buffer, start, n.valueStart - start);
    }

    /**
     * @param separator true for a member with a separator of its own, false for one with its own colon spacing
     * @return the index of the nearest such member to i, those before it first, or -1
     */
    private static int nearest(List<Field> fields, int i, boolean separator) {
        for (int j = i - 1; j >= 0; j--) {
            if (separator ? fields.get(j).sepStart >= 0 : fields.get(j).keepsColon) {
                return j;
            }
        }
        for (int j = i + 1; j < fields.size(); j++) {
            if (separator ? fields.get(j).sepStart >= 0 : fields.get(j).keepsColon) {
                return j;
            }
        }
        return -1;
    }
}
