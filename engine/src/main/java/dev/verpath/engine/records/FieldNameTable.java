package dev.verpath.engine.records;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The field names a thread has read lately, by their bytes: records repeat the same few names on every line, so a
 * name seen before costs a hash and a comparison instead of a string. A direct-mapped table (a name whose slot is
 * taken replaces the one there). Not thread-safe: one per {@link LineScanner}.
 */
final class FieldNameTable {

    private static final int SLOTS = 512;

    private final byte[][] bytes = new byte[SLOTS][];
    private final String[] names = new String[SLOTS];

    /**
     * @param b    the bytes
     * @param from where the name starts (after its quote)
     * @param to   where it ends (its closing quote); no escapes in between
     * @return the name
     */
    String name(byte[] b, int from, int to) {
        int hash = 0;
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + b[i];
            ascii &= b[i] >= 0;
        }
        if (!ascii) {
            return new String(b, from, to - from, StandardCharsets.UTF_8);
        }
        int slot = (hash ^ (hash >>> 9)) & (SLOTS - 1);
        byte[] known = bytes[slot];
        if (known != null && Arrays.equals(known, 0, known.length, b, from, to)) {
            return names[slot];
        }
        String name = new String(b, from, to - from, StandardCharsets.ISO_8859_1).intern();
        bytes[slot] = Arrays.copyOfRange(b, from, to);
        names[slot] = name;
        return name;
    }
}
