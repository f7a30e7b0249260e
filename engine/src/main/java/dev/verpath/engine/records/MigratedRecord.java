package dev.verpath.engine.records;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** A record taken through every stage, ready to be written; valid until the worker's next record. Not thread-safe. */
interface MigratedRecord {

    /**
     * Writes the record's line, without its line ending.
     *
     * @param out where to (a range of {@value RecordBytes#PASS} bytes or more goes straight to its output; a failure
     *            to write it is an {@link UncheckedIOException})
     */
    void write(RecordBytes out);

    /**
     * Writes the record's line, without its line ending, on its own.
     *
     * @param out where to
     */
    default void write(OutputStream out) throws IOException {
        RecordBytes bytes = new RecordBytes(out);
        try {
            write(bytes);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        bytes.flush();
    }
}
