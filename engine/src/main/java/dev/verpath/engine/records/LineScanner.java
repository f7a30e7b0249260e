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
final class LineScanner {

    private static final ThreadLocal<LineScanner> PER_THREAD = ThreadLocal.withInitial(LineScanner::new);
    private static final int MAX_DEPTH = 200;
    private static final int MAX_NUMBER = 900;
    private static final int MAX_NAME = 4096;

    private final FieldNameTable names = new FieldNameTable();
    private byte[] b;
    private int end;

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
        b = buffer;
        end = start + length;
        int open = blanks(start);
        if (at(open) != '{') {
            return null;
        }
        RecordObject root = object(open);
        if (root == null || blanks(root.end) != end) {
            return null;
        }
        return root;
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
        ArrayList<RecordField> fields = new ArrayList<>(12);
        int k = blanks(open + 1);
        if (at(k) == '}') {
            return new RecordObject(b, open, k + 1, fields);
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
            RecordField field = new RecordField(b, names.name(b, k + 1, afterName - 1), k, valueStart, previousEnd);
            field.valueEnd = valueEnd;
            fields.add(field);
            previousEnd = valueEnd;
            k = blanks(valueEnd);
            int c = at(k);
            if (c == '}') {
                return new RecordObject(b, open, k + 1, fields);
            }
            if (c != ',') {
                return null;
            }
            k = blanks(k + 1);
        }
    }

    /** A name without escapes at {@code k} (its opening quote): where it ends (after the quote), or -1. */
    private int name(int k) {
        if (at(k) != '"') {
            return -1;
        }
        int limit = Math.min(end, k + MAX_NAME);
        for (int i = k + 1; i < limit; i++) {
            int c = b[i];
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                return -1;
            }
        }
        return -1;
    }

    /** Skips the value at {@code k}: where it ends, or -1 when it is left to the Jackson path. */
    private int value(int k, int depth) {
        int c = at(k);
        if (c == '"') {
            return string(k);
        }
        if (c == '{' || c == '[') {
            return depth >= MAX_DEPTH ? -1 : container(k, depth + 1);
        }
        if (c == 't') {
            return literal(k, "true");
        }
        if (c == 'f') {
            return literal(k, "false");
        }
        if (c == 'n') {
            return literal(k, "null");
        }
        return number(k);
    }

    private int string(int k) {
        for (int i = k + 1; i < end; i++) {
            int c = b[i];
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                i = escape(i + 1);
                if (i < 0) {
                    return -1;
                }
            } else if (c >= 0 && c < 0x20) {
                return -1;
            }
        }
        return -1;
    }

    /** The escape whose letter is at {@code i}: where its last byte is, or -1. */
    private int escape(int i) {
        int c = at(i);
        if (c == 'u') {
            if (i + 4 >= end) {
                return -1;
            }
            for (int h = i + 1; h <= i + 4; h++) {
                if (Character.digit(b[h], 16) < 0) {
                    return -1;
                }
            }
            return i + 4;
        }
        boolean simple = c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't';
        return simple ? i : -1;
    }

    /** An object or an array at {@code k}, skipped: where it ends, or -1. */
    private int container(int k, int depth) {
        boolean object = b[k] == '{';
        int close = object ? '}' : ']';
        int i = blanks(k + 1);
        if (at(i) == close) {
            return i + 1;
        }
        while (true) {
            if (object) {
                int afterName = name(i);
                if (afterName < 0) {
                    return -1;
                }
                i = blanks(afterName);
                if (at(i) != ':') {
                    return -1;
                }
                i = blanks(i + 1);
            }
            i = value(i, depth);
            if (i < 0) {
                return -1;
            }
            i = blanks(i);
            int c = at(i);
            if (c == close) {
                return i + 1;
            }
            if (c != ',') {
                return -1;
            }
            i = blanks(i + 1);
        }
    }

    private int literal(int k, String word) {
        int n = word.length();
        if (k + n > end) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            if (b[k + i] != word.charAt(i)) {
                return -1;
            }
        }
        return delimited(k + n);
    }

    /** A number as JSON spells it: {@code -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?}. */
    private int number(int k) {
        int i = k;
        if (at(i) == '-') {
            i++;
        }
        if (at(i) == '0') {
            i++;
        } else if (digit(at(i))) {
            i = digits(i);
        } else {
            return -1;
        }
        if (at(i) == '.') {
            if (!digit(at(i + 1))) {
                return -1;
            }
            i = digits(i + 1);
        }
        if (at(i) == 'e' || at(i) == 'E') {
            i++;
            if (at(i) == '+' || at(i) == '-') {
                i++;
            }
            if (!digit(at(i))) {
                return -1;
            }
            i = digits(i);
        }
        return i - k > MAX_NUMBER ? -1 : delimited(i);
    }

    private int digits(int i) {
        while (i < end && digit(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    /** {@code i} when what follows a number or literal there is a blank, a comma or a closing bracket, else -1. */
    private int delimited(int i) {
        int c = at(i);
        return c == ',' || c == '}' || c == ']' || isBlank(c) ? i : -1;
    }

    private int blanks(int i) {
        while (i < end && isBlank(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** The byte at {@code i}, or 0 (never valid where a token is expected) past the end. */
    private int at(int i) {
        return i < end ? b[i] : 0;
    }
}
