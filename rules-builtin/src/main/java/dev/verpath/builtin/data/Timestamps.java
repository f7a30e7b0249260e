package dev.verpath.builtin.data;

import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
 * Thread-safe (each thread keeps the immutable text of the last minute it wrote).
 */
final class Timestamps {

    private static final long SECONDS_PER_MINUTE = 60;
    private static final long MINUTES_PER_DAY = 1_440;

    /**
     * The minute of this thread's previous call. Per thread: records of one file are migrated in chunks on
     * several threads at once, each chunk in time order but at its own minutes, so one shared minute would
     * be replaced on nearly every record (and its cache line passed between cores).
     */
    private static final ThreadLocal<Minute[]> LAST_MINUTE = ThreadLocal.withInitial(() -> new Minute[1]);

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
    static String format(JsonNumber ts) {
        long seconds = SmallIntegers.of(ts.literal(), Long.MAX_VALUE);
        if (seconds != SmallIntegers.NONE) {
            return text(seconds, -1);
        }
        if (ts.integral()) {
            return text(ts.longValue(), -1); // ArithmeticException beyond the range of long
        }
        long millis = millis(ts.literal());
        if (millis < 0) {
            millis = ts.decimal().movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
        return text(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000));
    }

    /**
     * The milliseconds of a plain non-negative decimal ({@code 1700000000.003}: up to 15 digits before the point,
     * no exponent), rounded half-up as the decimal would be; -1 for any other spelling (the decimal reads it).
     */
    static long millis(String literal) {
        int point = literal.indexOf('.');
        if (point < 1 || point > 15 || literal.charAt(0) == '-') {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (i == point) {
                continue;
            }
            if (c < '0' || c > '9') {
                return -1; // an exponent
            }
            if (i <= point + 3) {
                value = value * 10 + (c - '0');
            } else if (i == point + 4 && c >= '5') {
                value++; // half-up: what follows the fourth digit cannot make it less than one half
            }
        }
        for (int missing = literal.length() - 1 - point; missing < 3; missing++) {
            value *= 10;
        }
        return value;
    }

    /**
     * {@code uuuu-MM-ddTHH:mm:ss[.SSS]Z}: the date from {@link LocalDate#ofEpochDay}, the digits written
     * by hand (this runs once a record, and a formatter costs several times more). Records come in
     * time order, so the text up to the minute is kept from the previous call.
     */
    private static String text(long epochSecond, int millis) {
        long epochMinute = Math.floorDiv(epochSecond, SECONDS_PER_MINUTE);
        Minute[] last = LAST_MINUTE.get();
        Minute minute = last[0];
        if (minute == null || minute.epochMinute() != epochMinute) {
            minute = Minute.of(epochMinute, minute);
            last[0] = minute;
        }
        byte[] prefix = minute.bytes();
        int n = prefix.length;
        byte[] out = new byte[n + (millis >= 0 ? 7 : 3)];
        System.arraycopy(prefix, 0, out, 0, n);
        int second = (int) Math.floorMod(epochSecond, SECONDS_PER_MINUTE);
        out[n] = (byte) ('0' + second / 10);
        out[n + 1] = (byte) ('0' + second % 10);
        if (millis >= 0) {
            out[n + 2] = '.';
            out[n + 3] = (byte) ('0' + millis / 100);
            out[n + 4] = (byte) ('0' + millis / 10 % 10);
            out[n + 5] = (byte) ('0' + millis % 10);
        }
        out[out.length - 1] = 'Z';
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /**
     * One minute and its text {@code uuuu-MM-ddTHH:mm:} (ASCII bytes, never changed once made), so a minute
     * one thread made is safe for another to read. Its date part is the minute before's when the day is the same (a
     * date is made once a day, the hours and minutes from the minute's number).
     */
    private record Minute(long epochMinute, long epochDay, byte[] bytes) {

        private static final int DATE = 11; // "2023-11-14T"

        static Minute of(long epochMinute, Minute before) {
            long epochDay = Math.floorDiv(epochMinute, MINUTES_PER_DAY);
            byte[] bytes = new byte[DATE + 6];
            if (before != null && before.epochDay() == epochDay) {
                System.arraycopy(before.bytes(), 0, bytes, 0, DATE);
            } else {
                System.arraycopy(date(epochDay), 0, bytes, 0, DATE);
            }
            int minuteOfDay = (int) Math.floorMod(epochMinute, MINUTES_PER_DAY);
            bytes[DATE] = (byte) ('0' + minuteOfDay / 600);
            bytes[DATE + 1] = (byte) ('0' + minuteOfDay / 60 % 10);
            bytes[DATE + 2] = ':';
            bytes[DATE + 3] = (byte) ('0' + minuteOfDay % 60 / 10);
            bytes[DATE + 4] = (byte) ('0' + minuteOfDay % 10);
            bytes[DATE + 5] = ':';
            return new Minute(epochMinute, epochDay, bytes);
        }

        private static byte[] date(long epochDay) {
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            int year = date.getYear();
            if (year < 0 || year > 9999) {
                throw new DateTimeException("year " + year + " is outside 0000-9999");
            }
            StringBuilder out = new StringBuilder(DATE);
            digits(out, year, 4);
            digits(out.append('-'), date.getMonthValue(), 2);
            digits(out.append('-'), date.getDayOfMonth(), 2);
            return out.append('T').toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** Appends a non-negative value with leading zeros to the width. */
    private static void digits(StringBuilder out, int value, int width) {
        for (int scale = width == 4 ? 1000 : width == 3 ? 100 : 10; scale > 0; scale /= 10) {
            out.append((char) ('0' + value / scale % 10));
        }
    }

    /**
     * The {@code ts} number of a timestamp text.
     *
     * @param text RFC 3339 text
     * @return an integer node, or a decimal node when the text has a fraction
     * @throws DateTimeParseException when the text is not RFC 3339
     */
    static JsonNumber parse(String text) {
        OffsetDateTime time = OffsetDateTime.parse(text.toUpperCase(Locale.ROOT).replace(' ', 'T'),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Instant instant = time.toInstant();
        if (!hasFraction(text)) {
            return JsonValue.of(instant.getEpochSecond());
        }
        BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond())
                .add(BigDecimal.valueOf(instant.getNano(), 9))
                .stripTrailingZeros();
        if (seconds.scale() < 1) {
            seconds = seconds.setScale(1, RoundingMode.UNNECESSARY);
        }
        return new JsonNumber(seconds.toPlainString());
    }

    private static boolean hasFraction(String text) {
        int t = Math.max(text.indexOf('T'), Math.max(text.indexOf('t'), text.indexOf(' ')));
        return t >= 0 && text.indexOf('.', t) >= 0;
    }
}
