package dev.verpath.engine.records;

import java.util.List;

/**
 * Writes an object an edit changed with the bytes between its members as they were read. The blanks after its
 * {@code '{'} and before its {@code '}'} stay; a member still in its place keeps the separator before it (so a
 * removed member takes its own along, and no {@code ,,} or {@code , }} is left); a member still in its object
 * keeps the spacing around its colon, renamed or not. A member added, or moved into the object or to another place
 * in it, follows its nearest neighbour that has spacing of its own, the one before it first, else the object as it
 * was read: the separator between its first two members (or, with one member, a comma and the blanks after its
 * colon) and the spacing around its first member's colon. An object read without members, or made by an edit, is
 * compact. Stateless.
 */
final class ObjectLayout {

    /** {@link #remembered}: the run of untouched members, the nearest own separator, the nearest own colon. */
    private static final int RUN = 0;
    private static final int SEPARATOR = 1;
    private static final int COLON = 2;

    private ObjectLayout() {
    }

    /**
     * Writes a record's line with its top-level object changed: the blanks around the object as they were.
     *
     * @param bytes where the record goes (ranges of {@value RecordBytes#PASS} bytes or more go straight out)
     */
    static void writeLine(byte[] line, int start, int length, RecordObject root, RecordBytes bytes) {
        bytes.write(line, start, root.start - start);
        write(root, bytes);
        bytes.write(line, root.end, start + length - root.end);
    }

    /**
     * @param obj the object, changed
     * @param out where to
     */
    static void write(RecordObject obj, RecordBytes out) {
        List<RecordField> fields = obj.fields;
        int count = fields.size();
        out.write('{');
        if (count == 0) {
            out.write('}');
            return;
        }
        if (obj.readFirst != null) {
            out.range(obj, FieldEdge.OBJECT_OPEN, obj.readFirst, FieldEdge.NAME);
        }
        for (int i = 0; i < count; i++) {
            RecordField f = fields.get(i);
            boolean untouched = f.keepsColon && f.untouched();
            if (i > 0 && f.sepStart >= 0) {
                if (untouched && f.sepEnd == f.nameStart) {
                    int last = remembered(obj, RUN, i);
                    out.range(f, FieldEdge.SEPARATOR, fields.get(last), FieldEdge.VALUE_END);
                    i = last;
                    continue;
                }
                out.range(f, FieldEdge.SEPARATOR, f, FieldEdge.SEPARATOR_END);
            } else if (i > 0) {
                separator(obj, i, out);
            }
            if (untouched) {
                out.range(f, FieldEdge.NAME, f, FieldEdge.VALUE_END);
            } else {
                member(obj, i, f, out);
            }
        }
        if (obj.readLast != null) {
            out.range(obj.readLast, FieldEdge.VALUE_END, obj, FieldEdge.OBJECT_CLOSE);
        }
        out.write('}');
    }

    /**
     * What {@link #untouchedRun} or {@link #nearest} says of member i: found once for an object of a
     * {@link RecordTemplate} (its members' flags and places are the same for every record it is bound to, so the
     * answers are too), found every time for any other object.
     *
     * @param what {@link #RUN}, {@link #SEPARATOR} or {@link #COLON}
     */
    private static int remembered(RecordObject obj, int what, int i) {
        int[] known = obj.layout != null && obj.layout.length == 3 * obj.fields.size() ? obj.layout : null;
        int at = what * obj.fields.size() + i;
        if (known != null && known[at] != 0) {
            return known[at] - 2;
        }
        int found = what == RUN ? untouchedRun(obj.fields, i) : nearest(obj.fields, i, what == SEPARATOR);
        if (known != null) {
            known[at] = found + 2;
        }
        return found;
    }

    /**
     * @return the last index of the run of members from {@code i} on that are untouched, still in their places and
     *         next to each other in the line: their bytes are one range
     */
    private static int untouchedRun(List<RecordField> fields, int i) {
        int last = i;
        for (int j = i + 1; j < fields.size(); j++) {
            RecordField g = fields.get(j);
            RecordField before = fields.get(last);
            if (g.sepStart != before.valueEnd || g.buffer != before.buffer || g.sepEnd != g.nameStart || !g.keepsColon
                    || !g.untouched()) {
                break;
            }
            last = j;
        }
        return last;
    }

    /** Writes a touched member: the name, the colon with its spacing, the value. */
    private static void member(RecordObject obj, int i, RecordField f, RecordBytes out) {
        if (f.buffer != null && !f.renamed) {
            out.range(f, FieldEdge.NAME, f, FieldEdge.COLON);
        } else if (f.quoted != null) {
            out.write(f.quoted, 0, f.quoted.length);
        } else {
            out.writeString(f.name);
        }
        if (f.keepsColon) {
            out.range(f, FieldEdge.COLON, f, FieldEdge.VALUE);
        } else {
            colon(obj, i, out);
        }
        if (f.replaced) {
            out.value(f);
        } else if (f.nested != null) {
            f.nested.write(out);
        } else {
            out.range(f, FieldEdge.VALUE, f, FieldEdge.VALUE_END);
        }
    }

    /** Writes the separator before member i, which has none of its own, as its neighbours or the object. */
    private static void separator(RecordObject obj, int i, RecordBytes out) {
        if (obj.buffer == null) {
            out.write(','); // made by an edit: none of its members has spacing to follow
            return;
        }
        int from = remembered(obj, SEPARATOR, i);
        if (from >= 0) {
            RecordField n = obj.fields.get(from);
            out.range(n, FieldEdge.SEPARATOR, n, FieldEdge.SEPARATOR_END);
        } else if (obj.readSecond != null) {
            out.range(obj.readFirst, FieldEdge.VALUE_END, obj.readSecond, FieldEdge.NAME);
        } else {
            out.write(',');
            RecordField spaced = colonSpaced(obj, i);
            if (spaced != null) {
                out.range(spaced, FieldEdge.VALUE_BLANKS, spaced, FieldEdge.VALUE);
            }
        }
    }

    /** Writes the colon of member i, which has no spacing of its own there, as its neighbours or the object. */
    private static void colon(RecordObject obj, int i, RecordBytes out) {
        if (obj.buffer == null) {
            out.write(':');
            return;
        }
        RecordField spaced = colonSpaced(obj, i);
        if (spaced == null) {
            out.write(':');
            return;
        }
        out.range(spaced, FieldEdge.COLON, spaced, FieldEdge.VALUE);
    }

    /** @return the member whose colon spacing member i follows, or null (then it is compact) */
    private static RecordField colonSpaced(RecordObject obj, int i) {
        int from = remembered(obj, COLON, i);
        return from >= 0 ? obj.fields.get(from) : obj.readFirst;
    }

    /**
     * @param separator true for a member with a separator of its own, false for one with its own colon spacing
     * @return the index of the nearest such member to i, those before it first, or -1
     */
    private static int nearest(List<RecordField> fields, int i, boolean separator) {
        for (int j = i - 1; j >= 0; j--) {
            RecordField f = fields.get(j);
            if (separator ? f.sepStart >= 0 : f.keepsColon) {
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
