package dev.verpath.engine.records;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The stream one generator writes every record file of a run to: it passes bytes on to the file
 * being written and counts them. Keeping one generator for the whole run (instead of one a file)
 * lets its compiled code stay as it is from one file to the next. Not thread-safe.
 */
final class FileTarget extends OutputStream {

    private OutputStream out = OutputStream.nullOutputStream();
    private long count;

    /**
     * Sends what follows to another file.
     *
     * @param file the file's stream; not closed here
     */
    void switchTo(OutputStream file) {
        out = file;
        count = 0;
    }

    /** Drops the file's stream; what is written from now on goes nowhere. */
    void detach() {
        out = OutputStream.nullOutputStream();
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count += len;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** @return the bytes written to the current file so far */
    long count() {
        return count;
    }
}
