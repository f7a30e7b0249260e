package dev.verpath.builtin.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokensPerSecondTest {

    /** The definition: completion * 1000 / latency, half-up at two decimals, in decimal arithmetic. */
    private static JsonNode byDefinition(long completion, long latency) {
        if (latency == 0) {
            return NullNode.instance;
        }
        return DecimalNode.valueOf(BigDecimal.valueOf(completion).multiply(BigDecimal.valueOf(1000))
                .divide(BigDecimal.valueOf(latency), 2, RoundingMode.HALF_UP));
    }

    private static void same(long completion, long latency) {
        JsonNode expected = byDefinition(completion, latency);
        JsonNode actual = TokensPerSecond.of(LongNode.valueOf(completion), LongNode.valueOf(latency));
        assertThat(actual).as("%d / %d", completion, latency).isEqualTo(expected);
        if (!expected.isNull()) {
            assertThat(actual.decimalValue().scale()).isEqualTo(2);
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
    void roundsHalvesAwayFromZero() {
        assertThat(TokensPerSecond.of(IntNode.valueOf(1), IntNode.valueOf(8)).decimalValue()).isEqualByComparingTo("125.00");
        assertThat(TokensPerSecond.of(IntNode.valueOf(1), IntNode.valueOf(16)).decimalValue().toPlainString()).isEqualTo("62.50");
        assertThat(TokensPerSecond.of(IntNode.valueOf(1), IntNode.valueOf(-200000)).decimalValue().toPlainString()).isEqualTo("-0.01");
        assertThat(TokensPerSecond.of(IntNode.valueOf(1), IntNode.valueOf(-200001)).decimalValue().toPlainString()).isEqualTo("0.00");
    }
}
