package dev.verpath.builtin.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The fingerprint that replaces an API key from 2.1.0 on: the first 12 hex characters (lower case)
 * of the SHA-256 of the key's UTF-8 bytes. Thread-safe (one digest per thread).
 */
final class Fingerprints {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    });

    private Fingerprints() {
    }

    /**
     * @param key the API key
     * @return 12 lower-case hex characters
     */
    static String of(String key) {
        byte[] digest = SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[12];
        for (int i = 0; i < 6; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(out);
    }
}
