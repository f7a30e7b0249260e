package dev.verpath.builtin.data;

import dev.verpath.rules.json.JsonNull;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code tokens_per_second} of 2.1.0 metrics. Runs once a record, so integers small enough take
 * {@code long} arithmetic with the same result as the decimal division. Stateless and thread-safe.
 */
final class TokensPerSecond {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    /** Below these magnitudes {@code completion * 100000} and twice a remainder fit in a {@code long}. */
    private static final long COMPLETION_LIMIT = 1L << 40;
    private static final long LATENCY_LIMIT = 1L << 61;

    private TokensPerSecond() {
    }

    /**
     * Completion tokens a second: {@code completion_tokens / (latency_ms / 1000)}, rounded half-up to
     * two decimals and written with both ({@code 120.00}); null when either is missing or not a
     * number, or latency is 0.
     */
    static JsonValue of(Optional<JsonValue> completionValue, Optional<JsonValue> latencyValue) {
        if (!(completionValue.orElse(null) instanceof JsonNumber completion)
                || !(latencyValue.orElse(null) instanceof JsonNumber latency)) {
            return JsonNull.NULL;
        }
        long completionCount = SmallIntegers.of(completion.literal(), COMPLETION_LIMIT);
        long latencyMillis = SmallIntegers.of(latency.literal(), LATENCY_LIMIT);
        if (completionCount != SmallIntegers.NONE && latencyMillis != SmallIntegers.NONE) {
            return of(completionCount, latencyMillis);
        }
        BigDecimal millis = latency.decimal();
        if (millis.signum() == 0) {
            return JsonNull.NULL;
        }
        return new JsonNumber(completion.decimal().multiply(THOUSAND).divide(millis, 2, RoundingMode.HALF_UP).toPlainString());
    }

    /**
     * The same quotient for integers small enough for {@code long} arithmetic: hundredths of
     * {@code completion * 1000 / millis}, rounded half-up (away from zero at one half), at scale 2.
     */
    private static JsonValue of(long completion, long millis) {
        if (millis == 0) {
            return JsonNull.NULL;
        }
        long scaled = completion * 100_000;
        long quotient = scaled / millis;
        long remainder = Math.abs(scaled % millis);
        if (remainder * 2 >= Math.abs(millis)) {
            quotient += (scaled < 0) == (millis < 0) ? 1 : -1;
        }
        return new JsonNumber(hundredths(quotient));
    }

    /** @return {@code BigDecimal.valueOf(value, 2).toPlainString()}, without the decimal */
    static String hundredths(long value) {
        long magnitude = Math.abs(value);
        if (magnitude < 0) {
            return BigDecimal.valueOf(value, 2).toPlainString(); // Long.MIN_VALUE
        }
        byte[] out = new byte[22];
        int at = out.length;
        long cents = magnitude % 100;
        out[--at] = (byte) ('0' + cents % 10);
        out[--at] = (byte) ('0' + cents / 10);
        out[--at] = '.';
        long units = magnitude / 100;
        do {
            out[--at] = (byte) ('0' + units % 10);
            units /= 10;
        } while (units > 0);
        if (value < 0) {
            out[--at] = '-';
        }
        return new String(out, at, out.length - at, StandardCharsets.ISO_8859_1);
    }
}
