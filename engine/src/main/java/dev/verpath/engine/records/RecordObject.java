package dev.verpath.engine.records;

import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One object of a {@link LazyRecord}: its fields in order, its bytes while nothing in it changed, and its first,
 * second and last fields as read (null where it had fewer), whose bytes say how the object was spaced. Not
 * thread-safe: it belongs to one record.
 */
final class RecordObject {
    byte[] buffer;
    int start;
    int end;
    RecordField readFirst;
    RecordField readSecond;
    RecordField readLast;
    final ArrayList<RecordField> fields;
    boolean restructured;
    /**
     * A {@link RecordTemplate}'s object: what {@link ObjectLayout} found of its members, three answers per member
     * (0 while not found); null for any other object.
     */
    int[] layout;

    RecordObject(byte[] buffer, int start, int end, ArrayList<RecordField> fields) {
        this.fields = fields;
        reset(buffer, start, end);
    }

    /** Makes this object a new one over its fields list as it is now: for a scanner that reuses it line after line. */
    RecordObject reset(byte[] buffer, int start, int end) {
        this.buffer = buffer;
        this.start = start;
        this.end = end;
        int count = fields.size();
        this.readFirst = count > 0 ? fields.get(0) : null;
        this.readSecond = count > 1 ? fields.get(1) : null;
        this.readLast = count > 0 ? fields.get(count - 1) : null;
        this.restructured = false;
        return this;
    }

    static RecordObject empty() {
        RecordObject obj = new RecordObject(null, -1, -1, new ArrayList<>(4));
        obj.restructured = true;
        return obj;
    }

    boolean changed() {
        if (restructured) {
            return true;
        }
        for (RecordField f : fields) {
            if (!f.untouched()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The field a write goes to: a name set more than once is made one field first, with the last value (the one
     * JSON readers see) in the place of the first, as a parsed tree would hold it.
     */
    int slot(String name) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name.equals(name)) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first == last) {
            return first;
        }
        RecordField kept = fields.get(last);
        kept.sepStart = fields.get(first).sepStart;
        kept.sepEnd = fields.get(first).sepEnd;
        fields.removeIf(f -> f.name.equals(name));
        fields.add(first, kept);
        restructured = true;
        return first;
    }

    int indexOf(String name) {
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (fields.get(i).name.equals(name)) {
                return i;
            }
        }
        return -1;
    }

    void write(RecordBytes out) {
        if (!changed()) {
            out.object(this);
            return;
        }
        ObjectLayout.write(this, out);
    }

    JsonObject toValue() {
        List<JsonObject.Member> members = new ArrayList<>(fields.size());
        for (RecordField f : fields) {
            members.add(new JsonObject.Member(f.name, valueOf(f)));
        }
        return new JsonObject(members);
    }

    JsonValue valueOf(RecordField f) {
        if (f.replaced) {
            return f.value;
        }
        if (f.nested != null) {
            return f.nested.toValue();
        }
        if (f.value == null) {
            f.value = JsonValues.read(f.buffer, f.valueStart, f.valueEnd);
        }
        return f.value;
    }

    /**
     * The object holding the last name of a path, this object being the path's start.
     *
     * @param names  the path's names
     * @param create whether to create missing objects on the way (at the end of theirs)
     * @param write  whether the caller writes: a non-object on the way is then a failure, else "no such field"
     * @return the object, or null when it is missing (and not created) or not an object (and not written)
     */
    RecordObject parentOf(String[] names, boolean create, boolean write) {
        RecordObject obj = this;
        for (int depth = 0; depth < names.length - 1; depth++) {
            int at = obj.indexOf(names[depth]);
            if (at < 0) {
                if (!create) {
                    return null;
                }
                RecordField made = new RecordField(names[depth], empty());
                obj.fields.add(made);
                obj.restructured = true;
                obj = made.nested;
                continue;
            }
            RecordObject inner = obj.fields.get(at).object();
            if (inner == null) {
                if (write) {
                    throw FieldPaths.notAnObject(names, depth + 1, obj.valueOf(obj.fields.get(at)));
                }
                return null;
            }
            obj = inner;
        }
        return obj;
    }

    /**
     * Moves a field from this object to another (or within this one), its value's bytes kept.
     *
     * @param at       its index here
     * @param to       the object it goes to
     * @param position where in that object (before the removal is accounted for, when the objects are the same)
     * @param name     its name there
     */
    void moveField(int at, RecordObject to, int position, String name) {
        RecordField f = fields.remove(at);
        restructured = true;
        if (this == to && position > at) {
            position--;
        }
        if (this == to) {
            f.moved();
        } else {
            f.adopted();
        }
        // the value's bytes stay where they are: every field keeps the buffer it was read from
        if (!f.name.equals(name)) {
            f.name = name;
            f.renamed = true;
        }
        to.fields.add(position, f);
        to.restructured = true;
    }
}
