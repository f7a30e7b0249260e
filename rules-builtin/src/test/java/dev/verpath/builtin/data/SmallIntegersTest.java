package dev.verpath.builtin.data;

import dev.verpath.rules.json.JsonNumber;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class SmallIntegersTest {

    private static final long LIMIT = 1L << 61;

    /** The definition: an integral literal whose exact value is below the limit in magnitude. */
    private static long byDefinition(String literal, long limit) {
        JsonNumber number = new JsonNumber(literal);
        if (!number.integral()) {
            return SmallIntegers.NONE;
        }
        BigDecimal value = number.decimal();
        return value.abs().compareTo(BigDecimal.valueOf(limit)) < 0 ? value.longValueExact() : SmallIntegers.NONE;
    }

    @Test
    void readsPlainIntegersBelowTheLimit() {
        assertThat(SmallIntegers.of("1700000000", LIMIT)).isEqualTo(1_700_000_000L);
        assertThat(SmallIntegers.of("-12", LIMIT)).isEqualTo(-12);
        assertThat(SmallIntegers.of("0", LIMIT)).isZero();
        assertThat(SmallIntegers.of("-0", LIMIT)).isZero();
        assertThat(SmallIntegers.of("999", 1000)).isEqualTo(999);
        assertThat(SmallIntegers.of("-999", 1000)).isEqualTo(-999);
    }

    @Test
    void answersNoneForFractionsExponentsAndTheLimit() {
        for (String literal : new String[] {"12.0", "1e3", "1E3", "-1.5", "0.0", "1000", "-1000"}) {
            assertThat(SmallIntegers.of(literal, 1000)).as(literal).isEqualTo(SmallIntegers.NONE);
        }
        // more digits than always fit a long are left to the exact path, below the limit or not
        assertThat(SmallIntegers.of("1000000000000000000", Long.MAX_VALUE)).isEqualTo(SmallIntegers.NONE);
        assertThat(SmallIntegers.of("99999999999999999999", Long.MAX_VALUE)).isEqualTo(SmallIntegers.NONE);
        assertThat(SmallIntegers.of("999999999999999999", Long.MAX_VALUE)).isEqualTo(999_999_999_999_999_999L);
    }

    @Test
    void agreesWithTheDecimalOnRandomLiterals() {
        Random random = new Random(29);
        String[] tails = {"", "", "", ".0", ".5", "e3", "E-2", "0"};
        for (int i = 0; i < 100_000; i++) {
            long magnitude = (random.nextLong() & Long.MAX_VALUE) >>> random.nextInt(64);
            String literal = (random.nextBoolean() ? "-" : "") + magnitude + (magnitude == 0 ? "" : tails[random.nextInt(tails.length)]);
            long limit = random.nextBoolean() ? LIMIT : 1L << random.nextInt(63);
            long expected = byDefinition(literal, limit);
            long actual = SmallIntegers.of(literal, limit);
            if (literal.replace("-", "").length() > 18) {
                assertThat(actual).as(literal).isEqualTo(SmallIntegers.NONE); // the exact path answers these
            } else {
                assertThat(actual).as("%s below %d", literal, limit).isEqualTo(expected);
            }
        }
    }
}
