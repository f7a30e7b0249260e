package dev.verpath.engine.records;

/**
 * Where in a record line a range of bytes {@link ObjectLayout} copies starts or ends, named by what it is rather than
 * by its offset: an edge of a field (the separator before it, its name, the spacing around its colon, its value) or
 * of an object (just inside its braces, or around them). The same edges of every line of one shape give that line's
 * offsets, which is what lets a {@link CompiledLayout} be recorded once and replayed. Stateless.
 */
final class FieldEdge {

    /** A field's separator: from the end of the value before it ({@code sepStart}). */
    static final int SEPARATOR = 0;
    /** A field's name, its opening quote ({@code nameStart}). */
    static final int NAME = 1;
    /** Just after a field's name: where the spacing around its colon starts. */
    static final int COLON = 2;
    /** Where the blanks just before a field's value start (after its colon and any blanks before them). */
    static final int VALUE_BLANKS = 3;
    /** A field's value ({@code valueStart}). */
    static final int VALUE = 4;
    /** Just after a field's value ({@code valueEnd}). */
    static final int VALUE_END = 5;
    /**
     * Where a field's separator ends ({@code sepEnd}): its name, except for a name set twice made one field, which
     * keeps the first one's separator.
     */
    static final int SEPARATOR_END = 6;

    /** An object's {@code '{'}. */
    static final int OBJECT_START = 0;
    /** Just after an object's {@code '{'}. */
    static final int OBJECT_OPEN = 1;
    /** An object's {@code '}'}. */
    static final int OBJECT_CLOSE = 2;
    /** Just after an object's {@code '}'}. */
    static final int OBJECT_END = 3;

    private FieldEdge() {
    }

    /**
     * @param f    a field of a line
     * @param edge one of the field edges
     * @return its offset in the field's buffer
     */
    static int at(RecordField f, int edge) {
        return switch (edge) {
            case SEPARATOR -> f.sepStart;
            case NAME -> f.nameStart;
            case COLON -> f.nameEnd >= 0 ? f.nameEnd : colonStart(f);
            case VALUE_BLANKS -> valueBlanks(f);
            case VALUE -> f.valueStart;
            case VALUE_END -> f.valueEnd;
            default -> f.sepEnd;
        };
    }

    /**
     * @param o    an object of a line
     * @param edge one of the object edges
     * @return its offset in the object's buffer
     */
    static int at(RecordObject o, int edge) {
        return switch (edge) {
            case OBJECT_START -> o.start;
            case OBJECT_OPEN -> o.start + 1;
            case OBJECT_CLOSE -> o.end - 1;
            default -> o.end;
        };
    }

    /** Where the spacing around a read member's colon starts: just after its name. */
    static int colonStart(RecordField f) {
        int i = f.valueStart - 1;
        while (ObjectScanner.isBlank(f.buffer[i])) {
            i--;
        }
        i--; // the colon
        while (ObjectScanner.isBlank(f.buffer[i])) {
            i--;
        }
        return i + 1;
    }

    private static int valueBlanks(RecordField f) {
        int blanks = f.valueStart;
        while (ObjectScanner.isBlank(f.buffer[blanks - 1])) {
            blanks--;
        }
        return blanks;
    }
}
