package dev.verpath.engine.records;

import java.util.ArrayList;

/**
 * Indexes a record line without a parser object: one pass over its bytes that checks the JSON grammar (RFC 8259:
 * strings and their escapes, numbers, literals, nesting) and records each top-level field's name and where its
 * value's bytes are, values skipped unread. It accepts only lines it is sure Jackson accepts too; anything else
 * (a syntax error, a name with an escape, nesting, numbers or names beyond limits well inside Jackson's read
 * constraints) is left to the Jackson path of {@link ObjectScanner}, which accepts it or gives the message. Field
 * names are taken from a table of the names seen before, so a name costs no string once seen. One instance per
 * thread ({@link #of()}); not thread-safe.
 */
final class LineScanner extends JsonGrammar {

    private static final ThreadLocal<LineScanner> PER_THREAD = ThreadLocal.withInitial(LineScanner::new);

    private final FieldNameTable names = new FieldNameTable();
    /** The top-level object and fields handed out by {@link #reusing}, valid until its next call. */
    private final RecordObject root = new RecordObject(null, -1, -1, new ArrayList<>(16));
    private RecordField[] pool = new RecordField[0];
    /** Per index of a top-level field: the name the line before had there, its bytes, and whether it is not ASCII. */
    private PredictedName[] predicted = new PredictedName[0];
    private static final int MAX_PREDICTED = 256;
    /** The name {@link #predicted} or {@link #scannedName} found last. */
    private String lastName;
    private boolean reuse;
    /**
     * Whether the line {@link #reusing} indexed last has no blank around any of its top-level colons and commas: its
     * separators are exactly {@code ","} and {@code ":"} and its names their own bytes ({@link CompiledLayout}).
     */
    boolean compact;

    private LineScanner() {
    }

    /** @return this thread's scanner */
    static LineScanner of() {
        return PER_THREAD.get();
    }

    /**
     * Indexes a line holding one JSON object (the bytes already checked to be UTF-8).
     *
     * @param buffer the bytes, kept by the object
     * @param start  where the line starts
     * @param length its length
     * @return the top-level object, or null when the line is left to the Jackson path
     */
    RecordObject line(byte[] buffer, int start, int length) {
        reuse = false;
        return top(buffer, start, length);
    }

    /**
     * As {@link #line}, the top-level object and its fields being this scanner's own, made anew for each line: no
     * allocation, for a caller done with a record before it reads the next one (a worker of the pipeline).
     */
    RecordObject reusing(byte[] buffer, int start, int length) {
        reuse = true;
        nonAscii = false;
        compact = false;
        try {
            return top(buffer, start, length);
        } finally {
            reuse = false;
        }
    }

    private RecordObject top(byte[] buffer, int start, int length) {
        b = buffer;
        end = start + length;
        int open = blanks(start);
        if (at(open) != '{') {
            return null;
        }
        RecordObject top = object(open);
        if (top == null || blanks(top.end) != end) {
            return null;
        }
        return top;
    }

    /**
     * Indexes an object inside a line this scanner or the Jackson path accepted.
     *
     * @param buffer the bytes
     * @param open   where its '{' is
     * @param close  just after its '}'
     * @return the object, or null when it is left to the Jackson path (a name with an escape)
     */
    RecordObject nested(byte[] buffer, int open, int close) {
        b = buffer;
        end = close;
        return object(open);
    }

    private RecordObject object(int open) {
        boolean reused = reuse;
        reuse = false; // objects inside are the record's own
        ArrayList<RecordField> fields = reused ? root.fields : new ArrayList<>(12);
        fields.clear();
        int k = blanks(open + 1);
        if (at(k) == '}') {
            return made(reused, fields, open, k + 1);
        }
        int previousEnd = -1;
        boolean tight = true;
        while (true) {
            int afterName = nameAt(k, fields.size(), reused);
            if (afterName < 0) {
                return null;
            }
            String name = lastName;
            int colon = blanks(afterName);
            if (at(colon) != ':') {
                return null;
            }
            int valueStart = blanks(colon + 1);
            tight &= colon == afterName & valueStart == colon + 1;
            int valueEnd = value(valueStart, 1);
            if (valueEnd < 0) {
                return null;
            }
            RecordField field = reused ? pooled(fields.size()).reset(b, name, k, valueStart, previousEnd)
                    : new RecordField(b, name, k, valueStart, previousEnd);
            field.valueEnd = valueEnd;
            field.nameEnd = afterName;
            fields.add(field);
            previousEnd = valueEnd;
            k = blanks(valueEnd);
            int c = at(k);
            if (c == '}') {
                if (reused) {
                    compact = tight;
                }
                return made(reused, fields, open, k + 1);
            }
            if (c != ',') {
                return null;
            }
            int comma = k;
            k = blanks(k + 1);
            tight &= comma == valueEnd & k == comma + 1;
        }
    }

    /** The name at {@code k}, predicted or scanned: where it ends, its name in {@link #lastName}, or -1. */
    private int nameAt(int k, int index, boolean reused) {
        int afterName = reused ? predicted(k, index) : -1;
        return afterName >= 0 ? afterName : scannedName(k, index, reused);
    }

    /**
     * The name of the top-level field at this index in the line before, when the name at {@code k} has the same bytes
     * (checked byte by byte, its closing quote included): records repeat their names in the same order, so most
     * names cost one comparison and no lookup.
     *
     * @return where the name ends (after its quote), its name in {@link #lastName}, or -1 when it is another one
     */
    private int predicted(int k, int index) {
        if (index >= predicted.length || at(k) != '"') {
            return -1;
        }
        PredictedName expected = predicted[index];
        if (expected == null || !expected.matches(b, k + 1, end)) {
            return -1;
        }
        nonAscii |= expected.nonAscii;
        lastName = expected.name;
        return k + 1 + expected.length();
    }

    /** Scans the name at {@code k} into {@link #lastName}: where it ends, or -1. */
    private int scannedName(int k, int index, boolean reused) {
        int afterName = name(k);
        if (afterName >= 0) {
            lastName = names.name(b, k + 1, afterName - 1);
            if (reused) {
                predict(index, k + 1, afterName - 1, lastName);
            }
        }
        return afterName;
    }

    /** Remembers a top-level name (scanned: no quote, escape or control byte in it) for the next line. */
    private void predict(int index, int from, int to, String name) {
        if (index >= MAX_PREDICTED) {
            return;
        }
        if (index >= predicted.length) {
            predicted = java.util.Arrays.copyOf(predicted, Math.min(MAX_PREDICTED, Math.max(16, 2 * index)));
        }
        PredictedName known = predicted[index];
        if (known == null || known.name != name
                || !java.util.Arrays.equals(known.bytes, 0, known.bytes.length, b, from, to)) {
            predicted[index] = new PredictedName(java.util.Arrays.copyOfRange(b, from, to), name);
        }
    }

    private RecordObject made(boolean reused, ArrayList<RecordField> fields, int open, int close) {
        return reused ? root.reset(b, open, close) : new RecordObject(b, open, close, fields);
    }

    private RecordField pooled(int i) {
        if (i == pool.length) {
            pool = java.util.Arrays.copyOf(pool, Math.max(16, 2 * i));
            for (int j = i; j < pool.length; j++) {
                pool[j] = new RecordField(null, "", -1, -1, -1);
            }
        }
        return pool[i];
    }
}
