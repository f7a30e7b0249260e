package dev.verpath.builtin.data;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The fingerprint that replaces an API key from 2.1.0 on: the first 12 hex characters (lower case)
 * of the SHA-256 of the key's UTF-8 bytes. This runs once a record, so each thread keeps its digest
 * and buffers, and the fingerprints of the last keys it saw ({@value #MEMO} places, by a key's last two chars): request
 * logs carry a handful of keys many times over, and a key found there costs a comparison instead of a digest (whose
 * own per-message work costs more than its one compression for a key this short). After {@value #GIVE_UP} misses in a
 * row, a log of distinct keys, the places are left alone for {@value #SKIP} keys, then looked at again. Thread-safe.
 */
final class Fingerprints {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadLocal<Fingerprints> PER_THREAD = ThreadLocal.withInitial(Fingerprints::new);
    private static final int MEMO = 64;
    /** Misses in a row after which the places are not looked at for {@link #SKIP} keys (a log of distinct keys). */
    private static final int GIVE_UP = 256;
    private static final int SKIP = 4096;

    private final MessageDigest sha256;
    private byte[] input = new byte[64];
    private final byte[] digest = new byte[32];
    private final String[] keys = new String[MEMO];
    private final String[] prints = new String[MEMO];
    private int misses;
    private int skipping;

    private Fingerprints() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * @param key the API key
     * @return 12 lower-case hex characters
     */
    static String of(String key) {
        return PER_THREAD.get().fingerprint(key);
    }

    private String fingerprint(String key) {
        if (skipping > 0) {
            skipping--;
            return digest(key);
        }
        int n = key.length();
        // the place by the last two chars (where keys of one kind differ), not by the hash: a key read anew from a
        // record is a new string whose hash would be computed over all of it, a cost every new key would pay
        int place = n < 2 ? n : (key.charAt(n - 1) + 31 * key.charAt(n - 2)) & (MEMO - 1);
        String known = keys[place];
        if (known != null && known.equals(key)) {
            misses = 0;
            return prints[place];
        }
        if (++misses == GIVE_UP) {
            misses = 0;
            skipping = SKIP; // then look again: a log may turn to a handful of keys
        }
        String print = digest(key);
        keys[place] = key;
        prints[place] = print;
        return print;
    }

    private String digest(String key) {
        int n = key.length();
        boolean ascii = true;
        if (input.length < n) {
            input = new byte[Math.max(n, input.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            input[i] = (byte) c;
        }
        if (ascii) {
            sha256.update(input, 0, n);
        } else {
            sha256.update(key.getBytes(StandardCharsets.UTF_8));
        }
        try {
            sha256.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 digest does not fit 32 bytes", e);
        }
        byte[] out = new byte[12];
        for (int i = 0; i < 6; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }
}
