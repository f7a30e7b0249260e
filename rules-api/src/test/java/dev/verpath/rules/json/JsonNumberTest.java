package dev.verpath.rules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonNumberTest {

    @Test
    void longValueIsTheExactDecimalsValueForEveryShortAndLongSpelling() {
        Random random = new Random(29);
        for (int i = 0; i < 100_000; i++) {
            String literal = literal(random);
            BigDecimal exact = new BigDecimal(literal);
            JsonNumber number = new JsonNumber(literal);
            long expected;
            try {
                expected = exact.longValueExact();
            } catch (ArithmeticException e) {
                assertThatThrownBy(number::longValue).as(literal).isInstanceOf(ArithmeticException.class);
                continue;
            }
            assertThat(number.longValue()).as(literal).isEqualTo(expected);
        }
    }

    @Test
    void longValueReadsTheEdgesOfItsShortPath() {
        assertThat(new JsonNumber("-0").longValue()).isZero();
        assertThat(new JsonNumber("999999999999999999").longValue()).isEqualTo(999_999_999_999_999_999L);
        assertThat(new JsonNumber("-999999999999999999").longValue()).isEqualTo(-999_999_999_999_999_999L);
        assertThat(new JsonNumber("9223372036854775807").longValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(new JsonNumber("-9223372036854775808").longValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(new JsonNumber("1e3").longValue()).isEqualTo(1000);
        assertThat(new JsonNumber("12.00").longValue()).isEqualTo(12);
        assertThatThrownBy(() -> new JsonNumber("1.5").longValue()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new JsonNumber("9223372036854775808").longValue()).isInstanceOf(ArithmeticException.class);
    }

    private static String literal(Random random) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
        int digits = 1 + random.nextInt(22);
        text.append(1 + random.nextInt(9));
        for (int d = 1; d < digits; d++) {
            text.append(random.nextInt(10));
        }
        switch (random.nextInt(6)) {
            case 0 -> text.append('.').append(random.nextInt(3) == 0 ? "0" : Integer.toString(random.nextInt(100)));
            case 1 -> text.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(4));
            default -> { }
        }
        return random.nextInt(20) == 0 ? (text.charAt(0) == '-' ? "-0" : "0") : text.toString();
    }
}
