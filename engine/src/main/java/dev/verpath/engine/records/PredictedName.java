package dev.verpath.engine.records;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A top-level name a {@link LineScanner} saw at one index of a line, to compare the next line's name there with: its
 * bytes and closing quote are compared eight at a time. Immutable.
 */
final class PredictedName {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The name's bytes, without quotes. */
    final byte[] bytes;
    final String name;
    /** Whether a byte of the name is beyond ASCII. */
    final boolean nonAscii;
    /** The bytes and the closing quote, eight a word (little-endian), the last word padded with zeros. */
    private final long[] words;
    /** The bytes of the last word that are the name's. */
    private final long lastMask;
    /** How many bytes the name and its closing quote take. */
    private final int length;

    PredictedName(byte[] bytes, String name) {
        this.bytes = bytes;
        this.name = name;
        boolean wide = false;
        for (byte x : bytes) {
            wide |= x < 0;
        }
        this.nonAscii = wide;
        this.length = bytes.length + 1;
        byte[] quoted = Arrays.copyOf(bytes, (length + 7) / 8 * 8);
        quoted[bytes.length] = '"';
        this.words = new long[quoted.length / 8];
        for (int w = 0; w < words.length; w++) {
            words[w] = (long) LONGS.get(quoted, 8 * w);
        }
        this.lastMask = length % 8 == 0 ? -1L : (1L << (8 * (length % 8))) - 1;
    }

    /**
     * @param b    a line's buffer
     * @param from where a name's bytes start (after its opening quote)
     * @param end  where the line ends
     * @return whether the name's bytes and closing quote are there, before the end
     */
    boolean matches(byte[] b, int from, int end) {
        if (from + length > end) {
            return false;
        }
        int last = words.length - 1;
        if (from + 8 * words.length > b.length) {
            return Arrays.equals(b, from, from + bytes.length, bytes, 0, bytes.length) && b[from + bytes.length] == '"';
        }
        for (int w = 0; w < last; w++) {
            if ((long) LONGS.get(b, from + 8 * w) != words[w]) {
                return false;
            }
        }
        return ((long) LONGS.get(b, from + 8 * last) & lastMask) == words[last];
    }

    /** @return the name's length in bytes, with its closing quote */
    int length() {
        return length;
    }
}
