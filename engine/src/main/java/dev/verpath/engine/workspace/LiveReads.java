package dev.verpath.engine.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Sees the bytes of a live file as a pass reads it whole, from the first byte to the end: the backup's archive, begun
 * before the pass, takes them on the way instead of reading the file again after it. Whatever it does with them, the
 * stream it returns gives the reader the same bytes, and its own failures never fail the read.
 */
@FunctionalInterface
public interface LiveReads {

    /** Sees nothing. */
    LiveReads NONE = (path, real, in, hashed) -> in;

    /**
     * @param path   the logical path of the file about to be read whole
     * @param real   the live file
     * @param in     its bytes
     * @param hashed whether the reader hashes what it reads and remembers the hash in the run's hash cache
     * @return the stream to read instead: the same bytes
     * @throws IOException when the file cannot be examined
     */
    InputStream reading(String path, Path real, InputStream in, boolean hashed) throws IOException;
}
