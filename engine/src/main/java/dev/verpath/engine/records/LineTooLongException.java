package dev.verpath.engine.records;

import java.io.IOException;

/** A line is longer than the record size limit; it was not read whole. */
final class LineTooLongException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long line;

    /**
     * @param line the line's number, or 0 when the reader does not know it
     */
    LineTooLongException(long line) {
        super("line over the record size limit");
        this.line = line;
    }

    /** @return the line's number, or 0 when unknown */
    long line() {
        return line;
    }
}
