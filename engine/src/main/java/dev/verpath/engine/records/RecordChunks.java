package dev.verpath.engine.records;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Cuts a byte stream into chunks of whole lines, about {@value #CHUNK} bytes each, so that several threads can
 * migrate one record file: each chunk ends just after a {@code \n} (the last one where the stream ends) and
 * knows the number of its first line. A line longer than a chunk makes its chunk longer. Not thread-safe.
 */
final class RecordChunks {

    /** The size a chunk aims at. */
    static final int CHUNK = 1 << 20;

    /**
     * A run of whole lines.
     *
     * @param bytes     the lines; only the first {@code length} bytes count
     * @param length    how many bytes
     * @param firstLine the number of the chunk's first line, from 1
     * @param first     whether this is the first chunk of the stream (where a byte order mark may stand)
     * @param last      whether the stream ends with this chunk
     */
    record Chunk(byte[] bytes, int length, long firstLine, boolean first, boolean last) {
    }

    private final InputStream in;
    private final int chunkSize;
    private final long maxLine;
    private byte[] carry = new byte[0];
    private int carried;
    private long nextLine = 1;
    private boolean first = true;
    private boolean ended;
    private long bytesRead;

    RecordChunks(InputStream in) {
        this(in, CHUNK, Long.MAX_VALUE);
    }

    /**
     * @param in        the bytes
     * @param chunkSize the size a chunk aims at
     * @param maxLine   the longest line read whole; {@link #next} fails on a longer one before holding it
     */
    RecordChunks(InputStream in, int chunkSize, long maxLine) {
        this.in = in;
        this.chunkSize = chunkSize;
        this.maxLine = maxLine;
    }

    /**
     * Reads the next chunk into a new buffer.
     *
     * @return the chunk, or empty at the end of the stream
     * @throws IOException when reading fails
     */
    Optional<Chunk> next() throws IOException {
        return next(new byte[0]);
    }

    /**
     * Reads the next chunk, into {@code reuse} when it is large enough (a chunk no longer needed).
     *
     * @param reuse a buffer to fill, or a too small one to have a new one made
     * @return the chunk, or empty at the end of the stream
     * @throws IOException when reading fails
     */
    Optional<Chunk> next(byte[] reuse) throws IOException {
        if (ended && carried == 0) {
            return Optional.empty();
        }
        int size = Math.max(chunkSize, carried * 2);
        byte[] buffer = reuse.length >= size ? reuse : new byte[size];
        System.arraycopy(carry, 0, buffer, 0, carried);
        int filled = carried;
        int searchFrom = carried;
        while (true) {
            while (!ended && filled < buffer.length) {
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    ended = true;
                } else {
                    filled += n;
                    bytesRead += n;
                }
            }
            if (ended) {
                carried = 0;
                return Optional.of(chunk(buffer, filled, true));
            }
            int cut = lastNewline(buffer, searchFrom, filled);
            if (cut >= 0) {
                carried = filled - cut - 1;
                if (carry.length < carried) {
                    carry = new byte[Math.max(carried, chunkSize / 4)];
                }
                System.arraycopy(buffer, cut + 1, carry, 0, carried);
                return Optional.of(chunk(buffer, cut + 1, false));
            }
            // one line fills the whole buffer: grow it and read on, unless it is over the limit already
            if (filled > maxLine) {
                throw new LineTooLongException(nextLine);
            }
            searchFrom = filled;
            byte[] larger = new byte[buffer.length * 2];
            System.arraycopy(buffer, 0, larger, 0, filled);
            buffer = larger;
        }
    }

    private Chunk chunk(byte[] buffer, int length, boolean last) {
        Chunk chunk = new Chunk(buffer, length, nextLine, first, last);
        first = false;
        nextLine += LineReader.newlines(buffer, length);
        return chunk;
    }

    private static int lastNewline(byte[] buffer, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** @return every byte read from the stream so far */
    long bytesRead() {
        return bytesRead;
    }
}
