package dev.verpath.engine.records;

import dev.verpath.rules.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The final layout of the records of one {@link FusedPlan}, as a list of what to write: ranges of the line read
 * (between two {@link FieldEdge}s of its fields or of its top-level object), literal bytes (a new name, a brace, a
 * comma) and the plan's computed values. It is recorded once, from {@link ObjectLayout} writing the plan's
 * {@link RecordTemplate} bound to one record: what ObjectLayout decides for a template depends only on the template's
 * fields and flags, the same for every record of its shape, and each range it copies is named by its edges rather
 * than its offsets, so replaying the list on another record of the shape writes what ObjectLayout would have written
 * for it, without binding the template or walking its objects. Ranges that meet are one range: the fields no edit
 * touched, and the blanks and braces between them, are one copy. Immutable once recorded; thread-safe to replay.
 */
final class CompiledLayout {

    static final int RANGE = 0;
    static final int LITERAL = 1;
    static final int VALUE = 2;
    static final int STRIDE = 5;

    /** The owner of an edge of the top-level object. */
    static final int ROOT = -1;
    /** The owner of an edge of the line: {@link #LINE_START} or {@link #LINE_END}. */
    static final int LINE = -2;
    static final int LINE_START = 0;
    static final int LINE_END = 1;

    /** Per step: what it is, then two (owner, edge) pairs for a range, a literal's index, or a value's slot. */
    private final int[] ops;
    private final byte[][] literals;
    /** The same steps for a {@link LazyRecord#compact} record ({@link CompactSteps}), or null when there are none. */
    private final CompactSteps compact;

    private CompiledLayout(int[] ops, byte[][] literals, CompactSteps compact) {
        this.ops = ops;
        this.literals = literals;
        this.compact = compact;
    }

    /**
     * Records the layout of a template bound to one record.
     *
     * @param template the template
     * @param bound    its top-level object, bound to a record of its shape
     * @param record   that record, as read (when it is compact, the layout has steps for compact records too)
     * @return the layout, or empty when the template writes something a layout cannot name (then the plan writes
     *         the bound template)
     */
    static Optional<CompiledLayout> record(RecordTemplate template, RecordObject bound, LazyRecord record) {
        Recorder recorder = new Recorder(template, bound, record);
        recorder.lineRange(LINE, LINE_START, ROOT, FieldEdge.OBJECT_START);
        if (bound.changed()) {
            ObjectLayout.write(bound, recorder);
        } else {
            recorder.object(bound);
        }
        recorder.lineRange(ROOT, FieldEdge.OBJECT_END, LINE, LINE_END);
        return recorder.layout();
    }

    /**
     * Writes one record of the template's shape: the same bytes {@link ObjectLayout} writes for the template bound to
     * it.
     *
     * @param input  the record as read
     * @param values the plan's computed values for it, by slot
     * @param bytes  where the record goes (ranges of {@value RecordBytes#PASS} bytes or more go straight out)
     */
    void write(LazyRecord input, JsonValue[] values, RecordBytes bytes) {
        if (input.compact && compact != null) {
            write(input, values, bytes, compact.ops(), compact.literals());
        } else {
            write(input, values, bytes, ops, literals);
        }
    }

    private static void write(LazyRecord input, JsonValue[] values, RecordBytes bytes, int[] steps, byte[][] literals) {
        byte[] line = input.line;
        RecordObject root = input.root();
        ArrayList<RecordField> fields = root.fields;
        for (int i = 0; i < steps.length; i += STRIDE) {
            int kind = steps[i];
            if (kind == RANGE) {
                int from = offset(input, root, fields, steps[i + 1], steps[i + 2]);
                int to = offset(input, root, fields, steps[i + 3], steps[i + 4]);
                bytes.write(line, from, to - from);
            } else if (kind == LITERAL) {
                byte[] literal = literals[steps[i + 1]];
                bytes.write(literal, 0, literal.length);
            } else {
                JsonValues.write(values[steps[i + 1]], bytes);
            }
        }
    }

    static int offset(LazyRecord input, RecordObject root, ArrayList<RecordField> fields, int owner, int edge) {
        if (owner >= 0) {
            return FieldEdge.at(fields.get(owner), edge);
        }
        if (owner == ROOT) {
            return FieldEdge.at(root, edge);
        }
        return edge == LINE_START ? input.start : input.start + input.length;
    }

    /** @return how many steps a record takes (for tests) */
    int steps() {
        return ops.length / STRIDE;
    }

    /** @return how many steps a compact record takes, or -1 when the layout has no compact steps (for tests) */
    int compactSteps() {
        return compact == null ? -1 : compact.ops().length / STRIDE;
    }

    /**
     * What {@link ObjectLayout} writes, recorded as steps instead of bytes. A field of the line is named by its index
     * in the line as read; anything that is neither such a field, the top-level object, a literal nor a computed value
     * makes the recording fail.
     */
    static final class Recorder extends RecordBytes {

        private final RecordTemplate template;
        private final RecordObject root;
        private final LazyRecord record;
        private final List<Integer> ops = new ArrayList<>();
        private final List<byte[]> literals = new ArrayList<>();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private boolean failed;

        Recorder(RecordTemplate template, RecordObject root, LazyRecord record) {
            this.template = template;
            this.root = root;
            this.record = record;
        }

        Optional<CompiledLayout> layout() {
            flushLiteral();
            if (failed) {
                return Optional.empty();
            }
            int[] steps = new int[ops.size()];
            for (int i = 0; i < steps.length; i++) {
                steps[i] = ops.get(i);
            }
            byte[][] bytes = literals.toArray(byte[][]::new);
            return Optional.of(new CompiledLayout(steps, bytes, record.compact ? CompactSteps.of(steps, bytes, record)
                    : null));
        }

        @Override
        void write(int b) {
            if (pending.size() == 0 && lastRangeEndsAt(ROOT, b == '{' ? FieldEdge.OBJECT_START : FieldEdge.OBJECT_CLOSE)
                    && (b == '{' || b == '}')) {
                ops.set(ops.size() - 1, b == '{' ? FieldEdge.OBJECT_OPEN : FieldEdge.OBJECT_END); // the line's own brace
                return;
            }
            pending.write(b);
        }

        @Override
        void write(byte[] source, int offset, int length) {
            pending.write(source, offset, length);
        }

        @Override
        void writeAscii(String text) {
            pending.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        void writeString(String text) {
            pending.writeBytes(RecordBytes.quoted(text));
        }

        @Override
        void range(RecordField from, int fromEdge, RecordField to, int toEdge) {
            add(owner(from), fromEdge, owner(to), toEdge);
        }

        @Override
        void range(RecordObject from, int fromEdge, RecordField to, int toEdge) {
            add(owner(from), fromEdge, owner(to), toEdge);
        }

        @Override
        void range(RecordField from, int fromEdge, RecordObject to, int toEdge) {
            add(owner(from), fromEdge, owner(to), toEdge);
        }

        @Override
        void object(RecordObject o) {
            int owner = owner(o);
            add(owner, FieldEdge.OBJECT_START, owner, FieldEdge.OBJECT_END);
        }

        @Override
        void value(RecordField f) {
            if (f.slot < 0) {
                failed = true;
                return;
            }
            flushLiteral();
            ops.addAll(List.of(VALUE, f.slot, 0, 0, 0));
        }

        void lineRange(int fromOwner, int fromEdge, int toOwner, int toEdge) {
            add(fromOwner, fromEdge, toOwner, toEdge);
        }

        private int owner(RecordField f) {
            int k = template.inputIndex(f);
            if (k < 0) {
                failed = true;
            }
            return k;
        }

        private int owner(RecordObject o) {
            if (o != root) {
                failed = true;
            }
            return ROOT;
        }

        /**
         * Adds a range, as one with the range before it when they meet. A field's separator starts where the value
         * before it ends, and a field of the line read ends its separator at its name: both scanners index so.
         */
        private void add(int fromOwner, int fromEdge, int toOwner, int toEdge) {
            if (fromOwner > 0 && fromEdge == FieldEdge.SEPARATOR) {
                fromOwner--;
                fromEdge = FieldEdge.VALUE_END;
            }
            if (fromOwner >= 0 && fromEdge == FieldEdge.SEPARATOR_END) {
                fromEdge = FieldEdge.NAME;
            }
            if (toOwner > 0 && toEdge == FieldEdge.SEPARATOR) {
                toOwner--;
                toEdge = FieldEdge.VALUE_END;
            }
            if (toOwner >= 0 && toEdge == FieldEdge.SEPARATOR_END) {
                toEdge = FieldEdge.NAME;
            }
            if (pending.size() == 0 && lastRangeEndsAt(fromOwner, fromEdge)) {
                ops.set(ops.size() - 2, toOwner);
                ops.set(ops.size() - 1, toEdge);
                return;
            }
            flushLiteral();
            ops.addAll(List.of(RANGE, fromOwner, fromEdge, toOwner, toEdge));
        }

        private boolean lastRangeEndsAt(int owner, int edge) {
            int n = ops.size();
            return n > 0 && ops.get(n - STRIDE) == RANGE && ops.get(n - 2) == owner && ops.get(n - 1) == edge;
        }

        private void flushLiteral() {
            if (pending.size() > 0) {
                ops.addAll(List.of(LITERAL, literals.size(), 0, 0, 0));
                literals.add(pending.toByteArray());
                pending.reset();
            }
        }
    }

    @Override
    public String toString() {
        return "CompiledLayout" + Arrays.toString(ops);
    }
}
