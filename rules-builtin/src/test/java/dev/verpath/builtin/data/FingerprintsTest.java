package dev.verpath.builtin.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A fingerprint is the first 12 hex characters of the SHA-256 of the key's UTF-8 bytes, whether the key was seen
 * before or not, and whatever other key shares its place among the remembered ones.
 */
class FingerprintsTest {

    private static String expected(String key) throws Exception {
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha).substring(0, 12);
    }

    @Test
    void keysSeenAgainOrNotGiveTheSHA256OfTheirBytes() throws Exception {
        // "Aa" and "BB" end in chars that give one place, as do "AaAa", "BBBB", "AaBB" and "BBAa": they take it in turn
        String[] keys = {"sk-abc", "Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "", "caf\u00e9-\u65e5\u672c-\uD83D\uDE00",
            "sk-" + "x".repeat(100)};
        Random random = new Random(12);
        for (int i = 0; i < 5_000; i++) {
            String key = random.nextInt(3) == 0 ? "sk-" + Integer.toHexString(random.nextInt(1 << 12))
                    : keys[random.nextInt(keys.length)];
            assertThat(Fingerprints.of(new String(key))).as(key).isEqualTo(expected(key));
        }
    }

    @Test
    void aLongRunOfDistinctKeysThenAHandfulOfKeysGiveTheSHA256OfTheirBytesThroughout() throws Exception {
        for (int i = 0; i < 20_000; i++) {
            String key = i < 6_000 || i % 500 == 0 ? "sk-" + i : "sk-" + (i % 5);
            assertThat(Fingerprints.of(key)).as(key).isEqualTo(expected(key));
        }
    }

    @Test
    void theFingerprintOfAKnownKeyIsTheSameOnEveryThread() throws Exception {
        String[] seen = new String[4];
        Thread[] threads = new Thread[seen.length];
        for (int t = 0; t < threads.length; t++) {
            int index = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    seen[index] = Fingerprints.of(i % 2 == 0 ? "sk-shared" : "Aa" + index);
                }
                seen[index] = Fingerprints.of("sk-shared");
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(seen).containsOnly(expected("sk-shared"));
    }
}
