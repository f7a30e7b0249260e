package dev.verpath.engine.records;

import dev.verpath.rules.json.JsonValue;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * A record as the edits of a {@link FusedPlan} leave it at one point, for every record of one shape (the same
 * top-level names in the same order): the objects and fields with their names and flags, each field standing for a
 * field of the line read ({@code input}), a value the plan computed ({@code slot}), or an object the edits made.
 * {@link #bind} points it at one record's bytes and values, so that it reads and writes as the step-by-step edits
 * would have left that record ({@link ObjectLayout} writes it). Not thread-safe: one per worker.
 */
final class RecordTemplate {

    /** The record's shape holds something a template cannot stand for (the plan is not made). */
    static final class NotFusable extends Exception {
        private static final long serialVersionUID = 1L;

        NotFusable(String why) {
            super(why, null, false, false);
        }
    }

    /** {@link #resolve}: no such name. */
    static final int MISSING = -1;
    /** {@link #resolve}: a name whose value only a bound template reads. */
    static final int ELSEWHERE = Integer.MIN_VALUE;
    /** {@link #resolve}: an object the edits made (its members are the template's own): an object in every record. */
    static final int MADE_OBJECT = Integer.MIN_VALUE + 1;

    private final RecordField[] fromInput;
    private final boolean[] ownSeparator;
    private final List<RecordField> computed = new ArrayList<>();
    private RecordObject root;

    private RecordTemplate(int inputs) {
        this.fromInput = new RecordField[inputs];
        this.ownSeparator = new boolean[inputs];
    }

    /**
     * Copies a record's objects as they are now.
     *
     * @param root the record's top-level object, edited so far
     * @param read the fields of that object as the line was read, in order
     * @return the template
     * @throws NotFusable when the record holds what a template cannot stand for
     */
    static RecordTemplate of(RecordObject root, List<RecordField> read) throws NotFusable {
        IdentityHashMap<RecordField, Integer> index = new IdentityHashMap<>();
        for (int k = 0; k < read.size(); k++) {
            index.put(read.get(k), k);
        }
        RecordTemplate template = new RecordTemplate(read.size());
        template.root = template.copy(root, true, index);
        for (int k = 0; k < read.size(); k++) {
            if (template.fromInput[k] == null) {
                template.fromInput[k] = read.get(k).templateCopy(); // removed since: its bytes still space the object
            }
        }
        int n = read.size();
        template.root.readFirst = n > 0 ? template.fromInput[0] : null;
        template.root.readSecond = n > 1 ? template.fromInput[1] : null;
        template.root.readLast = n > 0 ? template.fromInput[n - 1] : null;
        return template;
    }

    private RecordObject copy(RecordObject object, boolean top, IdentityHashMap<RecordField, Integer> index)
            throws NotFusable {
        if (!top && object.buffer != null) {
            throw new NotFusable("an object of the line was edited");
        }
        ArrayList<RecordField> fields = new ArrayList<>(object.fields.size() + 2);
        for (RecordField f : object.fields) {
            fields.add(copy(f, index));
        }
        RecordObject copied = new RecordObject(null, -1, -1, fields);
        copied.readFirst = null;
        copied.readSecond = null;
        copied.readLast = null;
        copied.restructured = object.restructured;
        copied.layout = new int[3 * fields.size()];
        return copied;
    }

    private RecordField copy(RecordField f, IdentityHashMap<RecordField, Integer> index) throws NotFusable {
        RecordField copy = f.templateCopy();
        Integer k = index.get(f);
        if (k != null) {
            if (f.nested != null && f.nested.changed()) {
                throw new NotFusable("an object of the line was edited");
            }
            fromInput[k] = copy;
            ownSeparator[k] = f.sepStart >= 0;
        } else if (f.buffer != null) {
            throw new NotFusable("a field of another line");
        } else if (f.nested != null) {
            if (f.slot >= 0) {
                throw new NotFusable("a computed object was edited");
            }
            copy.nested = copy(f.nested, false, index);
        } else if (f.slot < 0) {
            throw new NotFusable("a value no edit computed");
        }
        if (f.slot >= 0 && f.replaced) {
            computed.add(copy);
        }
        return copy;
    }

    /**
     * Where a path of this template reads from, the same for every record of its shape: through objects the edits
     * made (whose members are the template's own) to a field of the line, a computed value, or nothing.
     *
     * @param names a path's names
     * @return the index of the input field it is (its bytes as read), {@link #MISSING}, {@code -2 - slot} for a
     *         value the plan computed, {@link #MADE_OBJECT} for an object the edits made, or {@link #ELSEWHERE} for
     *         anything else (inside an object of the line or a computed one)
     */
    int resolve(String[] names) {
        RecordObject object = root;
        for (int depth = 0; ; depth++) {
            int at = object.indexOf(names[depth]);
            if (at < 0) {
                return MISSING;
            }
            RecordField t = object.fields.get(at);
            if (depth == names.length - 1) {
                return place(t);
            }
            if (t.replaced || t.nested == null || t.slot >= 0 || input(t) >= 0) {
                return ELSEWHERE; // an object of the line, a computed one, or not an object: a bound read says
            }
            object = t.nested;
        }
    }

    private int place(RecordField t) {
        if (t.replaced) {
            return t.slot >= 0 && computed.contains(t) ? -2 - t.slot : ELSEWHERE;
        }
        if (t.nested == null) {
            return input(t);
        }
        return t.slot < 0 && input(t) == ELSEWHERE ? MADE_OBJECT : ELSEWHERE;
    }

    /**
     * @param t a field of this template
     * @return the index in the line read of the field it stands for, or -1 when it stands for none
     */
    int inputIndex(RecordField t) {
        for (int k = 0; k < fromInput.length; k++) {
            if (fromInput[k] == t) {
                return k;
            }
        }
        return -1;
    }

    private int input(RecordField t) {
        for (int k = 0; k < fromInput.length; k++) {
            if (fromInput[k] == t) {
                return k;
            }
        }
        return ELSEWHERE;
    }

    /**
     * Points the template at one record of its shape.
     *
     * @param input  the record's top-level object as read
     * @param values the values the plan computed for it, by slot
     * @return the template's top-level object
     */
    RecordObject bind(RecordObject input, JsonValue[] values) {
        ArrayList<RecordField> read = input.fields;
        for (int k = 0; k < fromInput.length; k++) {
            RecordField t = fromInput[k];
            RecordField f = read.get(k);
            t.buffer = f.buffer;
            t.nameStart = f.nameStart;
            t.nameEnd = f.nameEnd;
            t.valueStart = f.valueStart;
            t.valueEnd = f.valueEnd;
            t.sepStart = ownSeparator[k] ? f.sepStart : -1;
            t.sepEnd = f.sepEnd;
            t.nested = null;
            t.value = null;
        }
        for (int i = 0; i < computed.size(); i++) {
            RecordField t = computed.get(i);
            t.value = values[t.slot];
        }
        root.buffer = input.buffer;
        root.start = input.start;
        root.end = input.end;
        return root;
    }
}
