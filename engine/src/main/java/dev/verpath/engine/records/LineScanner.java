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
    private boolean reuse;

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
        while (true) {
            int afterName = name(k);
            if (afterName < 0) {
                return null;
            }
            int colon = blanks(afterName);
            if (at(colon) != ':') {
                return null;
            }
            int valueStart = blanks(colon + 1);
            int valueEnd = value(valueStart, 1);
            if (valueEnd < 0) {
                return null;
            }
            String name = names.name(b, k + 1, afterName - 1);
            RecordField field = reused ? pooled(fields.size()).reset(b, name, k, valueStart, previousEnd)
                    : new RecordField(b, name, k, valueStart, previousEnd);
            field.valueEnd = valueEnd;
            fields.add(field);
            previousEnd = valueEnd;
            k = blanks(valueEnd);
            int c = at(k);
            if (c == '}') {
                return made(reused, fields, open, k + 1);
            }
            if (c != ',') {
                return null;
            }
            k = blanks(k + 1);
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
