package dev.verpath.rules;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the new content of a file. The engine hands it a stream to a temporary file and, when the
 * action returns, makes the file durable and renames it into place. If the action throws, the old
 * file stays as it was.
 */
@FunctionalInterface
public interface WriteAction {

    /**
     * Writes the whole new content.
     *
     * @param out the stream; do not close it
     * @throws IOException when writing fails
     */
    void writeTo(OutputStream out) throws IOException;
}
