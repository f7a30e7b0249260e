package dev.verpath.engine.records;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes of one written record, gathered before they go out in one write: a growable array without the locks
 * and per-byte calls of a stream. Text is written as JSON strings with only the escapes JSON requires. Ranges of a
 * line are written by their {@link FieldEdge}s, so that a {@link CompiledLayout.Recorder} can record them. Not
 * thread-safe: one per thread.
 */
class RecordBytes {

    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    /** A range this long goes straight to the output, so a large untouched value is not held twice. */
    static final int PASS = 1 << 16;
    /** What {@link #flushIfFull} leaves gathered at most. */
    private static final int FLUSH = 1 << 16;

    private byte[] bytes = new byte[512];
    private int size;
    private OutputStream target;

    /** Gathers bytes for {@link #text} or a {@link CompiledLayout.Recorder}: no output. */
    RecordBytes() {
    }

    /**
     * Gathers the records of a pass for {@code out}: ranges of {@value #PASS} bytes or more are written there at once.
     *
     * @param out where the bytes go ({@link #flush})
     */
    RecordBytes(OutputStream out) {
        this.target = out;
    }

    /** Points this at another output, dropping anything gathered (a worker's buffer, reused chunk after chunk). */
    RecordBytes to(OutputStream out) {
        target = out;
        size = 0;
        return this;
    }

    /** Writes what is gathered to the output. */
    void flush() throws IOException {
        if (size > 0) {
            target.write(bytes, 0, size);
            size = 0;
        }
    }

    /** Writes what is gathered to the output once it is {@value #FLUSH} bytes or more: one write for many records. */
    void flushIfFull() throws IOException {
        if (size >= FLUSH) {
            flush();
        }
    }

    void write(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[size++] = (byte) b;
    }

    void write(byte[] source, int offset, int length) {
        if (length >= PASS && target != null) {
            try {
                target.write(bytes, 0, size);
                size = 0;
                target.write(source, offset, length);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return;
        }
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** Writes the bytes of a field's line between two edges (of the same field or of two fields of the line). */
    void range(RecordField from, int fromEdge, RecordField to, int toEdge) {
        int start = FieldEdge.at(from, fromEdge);
        write(from.buffer, start, FieldEdge.at(to, toEdge) - start);
    }

    /** Writes the bytes of an object's line from one of its edges to an edge of one of its fields. */
    void range(RecordObject from, int fromEdge, RecordField to, int toEdge) {
        int start = FieldEdge.at(from, fromEdge);
        write(from.buffer, start, FieldEdge.at(to, toEdge) - start);
    }

    /** Writes the bytes of an object's line from an edge of one of its fields to one of its own edges. */
    void range(RecordField from, int fromEdge, RecordObject to, int toEdge) {
        int start = FieldEdge.at(from, fromEdge);
        write(from.buffer, start, FieldEdge.at(to, toEdge) - start);
    }

    /** Writes an object as it was read. */
    void object(RecordObject o) {
        write(o.buffer, o.start, o.end - o.start);
    }

    /** Writes a field's new value as compact JSON. */
    void value(RecordField f) {
        JsonValues.write(f.value, this);
    }

    /** Writes text known to be ASCII (a number's literal, {@code true}). */
    void writeAscii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    /** Writes a JSON string, quotes included. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the low bytes, checked below
    void writeString(String text) {
        int length = text.length();
        ensure(length + 2);
        int start = size;
        bytes[start] = '"';
        text.getBytes(0, length, bytes, start + 1); // each char's low byte: right exactly when all are plain ASCII
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                size = start; // not plain ASCII: let the encoder escape and encode it
                write('"');
                byte[] encoded = ENCODER.quoteAsUTF8(text);
                write(encoded, 0, encoded.length);
                write('"');
                return;
            }
        }
        bytes[start + 1 + length] = '"';
        size = start + length + 2;
    }

    /** @return text as a JSON string, quotes included, in the bytes {@link #writeString} writes */
    static byte[] quoted(String text) {
        RecordBytes out = new RecordBytes();
        out.writeString(text);
        return Arrays.copyOf(out.bytes, out.size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** @return the bytes as UTF-8 text, for messages */
    String text() {
        return new String(bytes, 0, size, java.nio.charset.StandardCharsets.UTF_8);
    }

}
