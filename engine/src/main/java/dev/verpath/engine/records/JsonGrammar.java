package dev.verpath.engine.records;

/**
 * The JSON grammar over bytes (RFC 8259: strings and their escapes, numbers, literals, nesting), for
 * {@link LineScanner}: each method checks the token at an offset of {@link #b}, up to {@link #end}, and says where it
 * ends, or -1 when it is not one this grammar is sure of (a syntax error, a name with an escape, nesting, numbers or
 * names beyond limits well inside Jackson's read constraints). Not thread-safe.
 */
abstract class JsonGrammar {

    static final int MAX_DEPTH = 200;
    static final int MAX_NUMBER = 900;
    static final int MAX_NAME = 4096;

    /** The bytes. */
    byte[] b;
    /** Where they end. */
    int end;
    /**
     * Whether a name or string scanned since this was last cleared holds a byte beyond ASCII (everything else the
     * grammar accepts is ASCII): a line that does not needs no UTF-8 check.
     */
    boolean nonAscii;

    /** A name without escapes at {@code k} (its opening quote): where it ends (after the quote), or -1. */
    int name(int k) {
        if (at(k) != '"') {
            return -1;
        }
        int limit = Math.min(end, k + MAX_NAME);
        for (int i = k + 1; i < limit; i++) {
            int c = b[i];
            if (c == '"') {
                return i + 1;
            }
            if (c < 0x20) {
                if (c >= 0) {
                    return -1;
                }
                nonAscii = true;
            } else if (c == '\\') {
                return -1;
            }
        }
        return -1;
    }

    /** Skips the value at {@code k}: where it ends, or -1 when it is left to the Jackson path. */
    int value(int k, int depth) {
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
            if (c < 0x20) {
                if (c >= 0) {
                    return -1;
                }
                nonAscii = true;
            } else if (c == '\\') {
                i = escape(i + 1);
                if (i < 0) {
                    return -1;
                }
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

    int blanks(int i) {
        while (i < end && isBlank(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** The byte at {@code i}, or 0 (never valid where a token is expected) past the end. */
    int at(int i) {
        return i < end ? b[i] : 0;
    }
}
