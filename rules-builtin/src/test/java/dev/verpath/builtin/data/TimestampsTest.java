package dev.verpath.builtin.data;

import dev.verpath.rules.json.JsonNumber;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimestampsTest {

    private static String format(String ts) throws Exception {
        return Timestamps.format(new JsonNumber(ts));
    }

    @Test
    void writesWholeSecondsWithoutAFraction() throws Exception {
        assertThat(format("1700000000")).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(format("0")).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(format("-1")).isEqualTo("1969-12-31T23:59:59Z");
    }

    @Test
    void roundsAFractionHalfUpToTheMillisecond() throws Exception {
        assertThat(format("1700000000.5")).isEqualTo("2023-11-14T22:13:20.500Z");
        assertThat(format("1700000000.0005")).isEqualTo("2023-11-14T22:13:20.001Z");
        assertThat(format("1700000000.00049")).isEqualTo("2023-11-14T22:13:20.000Z");
        assertThat(format("1700000000.9996")).isEqualTo("2023-11-14T22:13:21.000Z");
        assertThat(format("1.7e9")).isEqualTo("2023-11-14T22:13:20.000Z");
        assertThat(format("-0.25")).isEqualTo("1969-12-31T23:59:59.750Z");
    }

    @Test
    void refusesTimesOutsideFourDigitYears() {
        assertThatThrownBy(() -> format("999999999999")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> format("-62167219201")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> format("9223372036854775807")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> format("-9223372036854775808")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> format("92233720368547758070")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void agreesWithJavaTimeFromYearZeroToYear9999() throws Exception {
        java.time.format.DateTimeFormatter iso = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
        long first = -62167219200L; // 0000-01-01T00:00:00Z
        long last = 253402300799L; // 9999-12-31T23:59:59Z
        java.util.Random random = new java.util.Random(3);
        java.util.List<Long> seconds = new java.util.ArrayList<>(java.util.List.of(first, last, 0L, -1L, 951782400L, 951868800L));
        for (int i = 0; i < 20_000; i++) {
            seconds.add(first + (long) (random.nextDouble() * (last - first)));
        }
        for (long s : seconds) {
            String expected = iso.format(java.time.LocalDateTime.ofEpochSecond(s, 0, java.time.ZoneOffset.UTC));
            assertThat(format(Long.toString(s))).as("%d", s).isEqualTo(expected);
        }
    }

    @Test
    void agreesWithJavaTimeSecondBySecondAcrossMinutesAndMidnight() throws Exception {
        java.time.format.DateTimeFormatter whole = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
        java.time.format.DateTimeFormatter milli = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");
        long midnight = 1700006400L; // 2023-11-15T00:00:00Z
        for (long s = midnight - 130; s <= midnight + 130; s++) {
            java.time.LocalDateTime time = java.time.LocalDateTime.ofEpochSecond(s, 0, java.time.ZoneOffset.UTC);
            assertThat(format(Long.toString(s))).isEqualTo(whole.format(time));
            assertThat(format(s + ".250")).isEqualTo(milli.format(time.plusNanos(250_000_000)));
            assertThat(format(Long.toString(-s))).isEqualTo(whole.format(
                    java.time.LocalDateTime.ofEpochSecond(-s, 0, java.time.ZoneOffset.UTC)));
        }
    }

    @Test
    void readsBackTheSameNumber() {
        assertThat(Timestamps.parse("2023-11-14T22:13:20Z").literal()).isEqualTo("1700000000");
        assertThat(Timestamps.parse("2023-11-14T22:13:20.500Z").decimal().toPlainString()).isEqualTo("1700000000.5");
        assertThat(Timestamps.parse("2023-11-14T22:13:20.000Z").decimal().toPlainString()).isEqualTo("1700000000.0");
        assertThat(Timestamps.parse("2023-11-14T23:13:20.25+01:00").decimal().toPlainString()).isEqualTo("1700000000.25");
        assertThat(Timestamps.parse("2023-11-14t22:13:20z").literal()).isEqualTo("1700000000");
        JsonNumber integral = Timestamps.parse("1970-01-01T00:00:00Z");
        assertThat(integral.integral()).isTrue();
    }

    @Test
    void refusesTextThatIsNotRfc3339() {
        assertThatThrownBy(() -> Timestamps.parse("2023-11-14 22:13")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Timestamps.parse("yesterday")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void millisecondsOfAPlainDecimalAreTheDecimalsRoundedHalfUp() {
        Random random = new Random(29);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder().append(random.nextInt(4) == 0 ? 0 : random.nextLong(1L << 40));
            text.append('.');
            for (int d = 1 + random.nextInt(7); d > 0; d--) {
                text.append(random.nextInt(10));
            }
            String literal = text.toString();
            long expected = new BigDecimal(literal).movePointRight(3)
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
            assertThat(Timestamps.millis(literal)).as(literal).isEqualTo(expected);
        }
        assertThat(Timestamps.millis("1.7e9")).isEqualTo(-1);
        assertThat(Timestamps.millis("-0.25")).isEqualTo(-1);
        assertThat(Timestamps.millis("1700000000")).isEqualTo(-1);
        assertThat(Timestamps.millis("0.9995")).isEqualTo(1000);
        assertThat(Timestamps.millis("0.5")).isEqualTo(500);
    }
}
