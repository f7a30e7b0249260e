package dev.verpath.engine.records;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits a byte stream into lines without decoding it: each line is a slice of one reusable buffer
 * ({@link #buffer()}, {@link #start()}, {@link #length()}) that stays valid until the next call to
 * {@link #next()}. A line ends at {@code \n}; a {@code \r} before it is dropped, and a UTF-8 byte
 * order mark at the very start is skipped. Not thread-safe.
 */
final class LineReader {

    private static final int INITIAL_BUFFER = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

    private final InputStream in;
    private final long maxLine;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int position;
    private int limit;
    private boolean endOfInput;
    private boolean firstLine;
    private long bytesRead;
    private int lineStart;
    private int lineLength;
    private boolean lineHadNewline;

    LineReader(InputStream in) {
        this(in, true, Long.MAX_VALUE);
    }

    /**
     * @param in      the bytes
     * @param atStart whether the bytes start a file, so that a byte order mark is dropped (false for a
     *                chunk from the middle of a file, whose first line keeps every byte)
     * @param maxLine the longest line read whole; {@link #next()} fails on a longer one before holding it
     */
    LineReader(InputStream in, boolean atStart, long maxLine) {
        this.in = in;
        this.firstLine = atStart;
        this.maxLine = maxLine;
    }

    /**
     * Lines already in memory (a chunk of a file), read where they are: no copy.
     *
     * @param bytes   the lines
     * @param length  how many of the bytes count
     * @param atStart whether the bytes start a file
     * @param maxLine the longest line read whole
     */
    LineReader(byte[] bytes, int length, boolean atStart, long maxLine) {
        this(InputStream.nullInputStream(), atStart, maxLine);
        this.buffer = bytes;
        this.limit = length;
        this.endOfInput = true;
        this.bytesRead = length;
    }

    /**
     * Moves to the next line.
     *
     * @return false at the end of the input
     * @throws IOException when reading fails
     */
    boolean next() throws IOException {
        int scan = position;
        while (true) {
            byte[] buf = buffer;
            int end = limit;
            int i = newline(buf, scan, end);
            if (i < end) {
                if (i - position > maxLine) {
                    throw new LineTooLongException(0);
                }
                setLine(position, i, true);
                position = i + 1;
                return true;
            }
            scan = end;
            if (end - position > maxLine) {
                throw new LineTooLongException(0);
            }
            if (endOfInput) {
                if (position < limit) {
                    setLine(position, limit, false);
                    position = limit;
                    return true;
                }
                return false;
            }
            scan -= position;
            fill();
        }
    }

    /** @return where the first {@code \n} from {@code from} is, or {@code end}: eight bytes a step while none is in them */
    static int newline(byte[] buf, int from, int end) {
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long word = (long) LONGS.get(buf, i) ^ NEWLINES;
            long zero = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3); // the lowest byte flagged is the first newline
            }
        }
        while (i < end && buf[i] != '\n') {
            i++;
        }
        return i;
    }

    /** @return how many {@code \n} the first {@code length} bytes hold, counted eight bytes at a time */
    static long newlines(byte[] buffer, int length) {
        long count = 0;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            long x = (long) LONGS.get(buffer, i) ^ NEWLINES;
            // a byte of x is 0 exactly where a newline is: its high bit set there, every other bit clear (no carry
            // crosses a byte, as no byte's low seven bits plus 0x7f go beyond 0xfe)
            count += Long.bitCount(~(((x & LOW_SEVEN) + LOW_SEVEN) | x | LOW_SEVEN));
        }
        for (; i < length; i++) {
            if (buffer[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    private void setLine(int from, int newlineAt, boolean hadNewline) {
        int end = newlineAt;
        if (hadNewline && end > from && buffer[end - 1] == '\r') {
            end--;
        }
        int begin = from;
        if (firstLine) {
            firstLine = false;
            if (end - begin >= 3 && buffer[begin] == (byte) 0xEF && buffer[begin + 1] == (byte) 0xBB
                    && buffer[begin + 2] == (byte) 0xBF) {
                begin += 3;
            }
        }
        lineStart = begin;
        lineLength = end - begin;
        lineHadNewline = hadNewline;
    }

    /** Moves the unread bytes to the front (growing the buffer when one line fills it) and reads more. */
    private void fill() throws IOException {
        int pending = limit - position;
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, pending);
        } else if (pending == buffer.length) {
            byte[] larger = new byte[buffer.length * 2];
            System.arraycopy(buffer, 0, larger, 0, pending);
            buffer = larger;
        }
        position = 0;
        limit = pending;
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            endOfInput = true;
        } else {
            limit += n;
            bytesRead += n;
        }
    }

    /** @return the buffer holding the current line */
    byte[] buffer() {
        return buffer;
    }

    /** @return where the current line starts in the buffer */
    int start() {
        return lineStart;
    }

    /** @return the current line's length in bytes, without the line ending */
    int length() {
        return lineLength;
    }

    /** @return true when the current line ended with a newline (false only for a last line without one) */
    boolean hadNewline() {
        return lineHadNewline;
    }

    /** @return true when the current line holds nothing but spaces and tabs */
    boolean isBlank() {
        for (int i = lineStart, end = lineStart + lineLength; i < end; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** @return every byte read from the stream so far */
    long bytesRead() {
        return bytesRead;
    }
}
