package dev.verpath.builtin.data;

import dev.verpath.rules.json.JsonNull;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class TokensPerSecondTest {

    /** The definition: completion * 1000 / latency, half-up at two decimals, in decimal arithmetic. */
    private static JsonValue byDefinition(long completion, long latency) {
        if (latency == 0) {
            return JsonNull.NULL;
        }
        return new JsonNumber(BigDecimal.valueOf(completion).multiply(BigDecimal.valueOf(1000))
                .divide(BigDecimal.valueOf(latency), 2, RoundingMode.HALF_UP).toPlainString());
    }

    private static JsonValue of(long completion, long latency) {
        return TokensPerSecond.of(Optional.of(JsonValue.of(completion)), Optional.of(JsonValue.of(latency)));
    }

    private static void same(long completion, long latency) {
        JsonValue expected = byDefinition(completion, latency);
        JsonValue actual = of(completion, latency);
        assertThat(actual).as("%d / %d", completion, latency).isEqualTo(expected);
        if (!expected.isNull()) {
            assertThat(((JsonNumber) actual).decimal().scale()).isEqualTo(2);
        }
    }

    @Test
    void equalsDecimalArithmeticOnIntegers() {
        long[] edges = {0, 1, -1, 2, 3, 7, 8, 200, 999, 1000, 1001, 1 << 20, (1L << 40) - 1, -(1L << 40) + 1, 1L << 40,
            (1L << 61) - 1, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long c : edges) {
            for (long l : edges) {
                same(c, l);
            }
        }
        Random random = new Random(9);
        for (int i = 0; i < 200_000; i++) {
            long c = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(20_001) - 10_000;
            long l = random.nextInt(4) == 0 ? random.nextLong() >> random.nextInt(63) : random.nextInt(20_001) - 10_000;
            same(c, l);
        }
    }

    @Test
    void equalsDecimalArithmeticWhateverTheSpelling() {
        String[] literals = {"30", "-0", "0", "30.0", "3e1", "3E+1", "250", "2.5e2", "0.001", "-7", "999999999999999999",
            "1000000000000000000", "2305843009213693951", "12345678901234567890123", "1099511627775", "1099511627776"};
        for (String c : literals) {
            for (String l : literals) {
                BigDecimal millis = new BigDecimal(l);
                JsonValue expected = millis.signum() == 0 ? JsonNull.NULL : new JsonNumber(new BigDecimal(c)
                        .multiply(BigDecimal.valueOf(1000)).divide(millis, 2, RoundingMode.HALF_UP).toPlainString());
                assertThat(TokensPerSecond.of(Optional.of(new JsonNumber(c)), Optional.of(new JsonNumber(l))))
                        .as("%s / %s", c, l).isEqualTo(expected);
            }
        }
    }

    @Test
    void roundsHalvesAwayFromZero() {
        assertThat(((JsonNumber) of(1, 8)).decimal()).isEqualByComparingTo("125.00");
        assertThat(((JsonNumber) of(1, 16)).decimal().toPlainString()).isEqualTo("62.50");
        assertThat(((JsonNumber) of(1, -200000)).decimal().toPlainString()).isEqualTo("-0.01");
        assertThat(((JsonNumber) of(1, -200001)).decimal().toPlainString()).isEqualTo("0.00");
    }

    @Test
    void hundredthsAreWrittenAsTheDecimalWritesThem() {
        Random random = new Random(29);
        long[] edges = {0, 1, -1, 5, -5, 9, 10, 99, 100, -100, 101, 12_345, -12_345, (1L << 57), -(1L << 57)};
        for (long value : edges) {
            assertThat(TokensPerSecond.hundredths(value)).isEqualTo(BigDecimal.valueOf(value, 2).toPlainString());
        }
        for (int i = 0; i < 100_000; i++) {
            long value = random.nextLong() >> random.nextInt(63);
            assertThat(TokensPerSecond.hundredths(value)).isEqualTo(BigDecimal.valueOf(value, 2).toPlainString());
        }
    }
}
