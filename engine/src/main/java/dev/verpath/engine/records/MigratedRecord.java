package dev.verpath.engine.records;

import java.io.IOException;
import java.io.OutputStream;

/** A record taken through every stage, ready to be written; valid until the worker's next record. Not thread-safe. */
interface MigratedRecord {

    /**
     * Writes the record's line, without its line ending.
     *
     * @param out where to
     */
    void write(OutputStream out) throws IOException;
}
