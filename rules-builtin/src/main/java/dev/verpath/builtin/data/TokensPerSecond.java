package dev.verpath.builtin.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

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
    static JsonNode of(JsonNode completion, JsonNode latency) {
        if (completion == null || latency == null || !completion.isNumber() || !latency.isNumber()) {
            return NullNode.instance;
        }
        if (isSmallInteger(completion, COMPLETION_LIMIT) && isSmallInteger(latency, LATENCY_LIMIT)) {
            return of(completion.longValue(), latency.longValue());
        }
        BigDecimal millis = latency.decimalValue();
        if (millis.signum() == 0) {
            return NullNode.instance;
        }
        return DecimalNode.valueOf(completion.decimalValue().multiply(THOUSAND).divide(millis, 2, RoundingMode.HALF_UP));
    }

    private static boolean isSmallInteger(JsonNode number, long limit) {
        if (!number.isInt() && !number.isLong()) {
            return false;
        }
        long value = number.longValue();
        return value > -limit && value < limit;
    }

    /**
     * The same quotient for integers small enough for {@code long} arithmetic: hundredths of
     * {@code completion * 1000 / millis}, rounded half-up (away from zero at one half), at scale 2.
     */
    private static JsonNode of(long completion, long millis) {
        if (millis == 0) {
            return NullNode.instance;
        }
        long scaled = completion * 100_000;
        long quotient = scaled / millis;
        long remainder = Math.abs(scaled % millis);
        if (remainder * 2 >= Math.abs(millis)) {
            quotient += (scaled < 0) == (millis < 0) ? 1 : -1;
        }
        return DecimalNode.valueOf(BigDecimal.valueOf(quotient, 2));
    }
}
