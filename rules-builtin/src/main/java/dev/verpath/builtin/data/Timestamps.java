package dev.verpath.builtin.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Converts between the Unix seconds of {@code ts} (0.1.0, 1.0.0) and the RFC 3339 UTC text of
 * {@code timestamp} (2.0.0 on), so that a conversion there and back gives the same number.
 * <ul>
 *   <li>an integer {@code ts} gives whole seconds: {@code 1700000000} to {@code 2023-11-14T22:13:20Z};</li>
 *   <li>a {@code ts} written with a fraction or an exponent gives milliseconds, rounded half-up:
 *       {@code 1700000000.5} to {@code 2023-11-14T22:13:20.500Z} (also {@code 1700000000.0} to
 *       {@code .000Z});</li>
 *   <li>back, a timestamp without a fraction gives an integer, one with a fraction gives the number
 *       of seconds with the fraction's digits and no trailing zeros but one ({@code .500Z} to
 *       {@code 1700000000.5}, {@code .000Z} to {@code 1700000000.0}); an offset other than {@code Z}
 *       is converted to UTC.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class Timestamps {


    private Timestamps() {
    }

    /**
     * The timestamp text of a {@code ts} number.
     *
     * @param ts a number node
     * @return the RFC 3339 UTC text
     * @throws DateTimeException   when the time is out of range
     * @throws ArithmeticException when the number is too large
     */
    static String format(JsonNode ts) {
        if (ts.isIntegralNumber()) {
            return text(ts.bigIntegerValue().longValueExact(), -1);
        }
        long millis = ts.decimalValue().movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return text(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000));
    }

    /** {@code uuuu-MM-ddTHH:mm:ss[.SSS]Z}, built by hand: this runs once a record. */
    private static String text(long epochSecond, int millis) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        int year = time.getYear();
        if (year < 0 || year > 9999) {
            throw new DateTimeException("year " + year + " is outside 0000-9999");
        }
        char[] out = new char[millis < 0 ? 20 : 24];
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, time.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, time.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, time.getHour(), 2);
        out[13] = ':';
        digits(out, 14, time.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, time.getSecond(), 2);
        if (millis >= 0) {
            out[19] = '.';
            digits(out, 20, millis, 3);
        }
        out[out.length - 1] = 'Z';
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * The {@code ts} number of a timestamp text.
     *
     * @param text RFC 3339 text
     * @return an integer node, or a decimal node when the text has a fraction
     * @throws DateTimeParseException when the text is not RFC 3339
     */
    static JsonNode parse(String text) {
        OffsetDateTime time = OffsetDateTime.parse(text.toUpperCase(Locale.ROOT).replace(' ', 'T'),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Instant instant = time.toInstant();
        if (!hasFraction(text)) {
            return LongNode.valueOf(instant.getEpochSecond());
        }
        BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond())
                .add(BigDecimal.valueOf(instant.getNano(), 9))
                .stripTrailingZeros();
        if (seconds.scale() < 1) {
            seconds = seconds.setScale(1, RoundingMode.UNNECESSARY);
        }
        return DecimalNode.valueOf(seconds);
    }

    private static boolean hasFraction(String text) {
        int t = Math.max(text.indexOf('T'), Math.max(text.indexOf('t'), text.indexOf(' ')));
        return t >= 0 && text.indexOf('.', t) >= 0;
    }
}
