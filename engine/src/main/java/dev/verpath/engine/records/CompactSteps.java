package dev.verpath.engine.records;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a {@link CompiledLayout} for a compact record ({@link LazyRecord#compact}: indexed by the
 * {@link LineScanner}, no blank around a top-level colon or comma). In such a record a field's name is its own bytes
 * (the scanner takes no name with an escape, so a name of the shape has one spelling), the spacing around its colon
 * is {@code ":"} and the separator between two fields read one after the other is {@code ","}: the ranges that copy
 * only those are the same bytes in every compact record of the shape. Here they are literals, taken from the compact
 * record the layout was recorded from, and merged with the literals beside them: the serve records of 0.1.0 written
 * as 2.1.0 take 18 steps instead of 35. Every other step is the layout's own. Immutable.
 *
 * @param ops      the steps, as {@link CompiledLayout}'s
 * @param literals the literals they name
 */
record CompactSteps(int[] ops, byte[][] literals) {

    /**
     * @param steps    a layout's steps
     * @param literals its literals
     * @param record   the compact record it was recorded from
     * @return the steps for compact records of the layout's shape
     */
    static CompactSteps of(int[] steps, byte[][] literals, LazyRecord record) {
        List<int[]> ops = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        RecordObject root = record.root();
        for (int i = 0; i < steps.length; i += CompiledLayout.STRIDE) {
            int kind = steps[i];
            if (kind == CompiledLayout.RANGE && fixed(steps[i + 1], steps[i + 2], steps[i + 3], steps[i + 4])) {
                int from = CompiledLayout.offset(record, root, root.fields, steps[i + 1], steps[i + 2]);
                int to = CompiledLayout.offset(record, root, root.fields, steps[i + 3], steps[i + 4]);
                pending.write(record.line, from, to - from);
            } else if (kind == CompiledLayout.LITERAL) {
                pending.writeBytes(literals[steps[i + 1]]);
            } else {
                flush(pending, ops, bytes);
                ops.add(new int[] {kind, steps[i + 1], steps[i + 2], steps[i + 3], steps[i + 4]});
            }
        }
        flush(pending, ops, bytes);
        int[] out = new int[ops.size() * CompiledLayout.STRIDE];
        for (int k = 0; k < ops.size(); k++) {
            System.arraycopy(ops.get(k), 0, out, k * CompiledLayout.STRIDE, CompiledLayout.STRIDE);
        }
        return new CompactSteps(out, bytes.toArray(byte[][]::new));
    }

    /**
     * Whether a range copies what a compact record of the shape always has there: a field's name, the colon after it,
     * or the comma between a field and the next one read.
     */
    private static boolean fixed(int fromOwner, int fromEdge, int toOwner, int toEdge) {
        if (fromOwner < 0) {
            return false;
        }
        if (fromOwner == toOwner) {
            return fromEdge == FieldEdge.NAME && toEdge == FieldEdge.COLON
                    || fromEdge == FieldEdge.COLON && toEdge == FieldEdge.VALUE;
        }
        return toOwner == fromOwner + 1 && fromEdge == FieldEdge.VALUE_END && toEdge == FieldEdge.NAME;
    }

    private static void flush(ByteArrayOutputStream pending, List<int[]> ops, List<byte[]> bytes) {
        if (pending.size() > 0) {
            ops.add(new int[] {CompiledLayout.LITERAL, bytes.size(), 0, 0, 0});
            bytes.add(pending.toByteArray());
            pending.reset();
        }
    }
}
