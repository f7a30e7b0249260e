package dev.verpath.rules.json;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A JSON number, kept as it is spelled, so that {@code 1.50}, {@code 1e3} and {@code -0} are written back as they
 * were read. Compare values with {@link #decimal()}, never by spelling.
 *
 * @param literal the number as JSON writes it
 */
public record JsonNumber(String literal) implements JsonValue {

    /** Checks that the literal is a JSON number. */
    public JsonNumber {
        if (literal == null || !isNumber(literal)) {
            throw new IllegalArgumentException("not a JSON number: " + literal);
        }
    }

    /** RFC 8259's number: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
    private static boolean isNumber(String text) {
        int n = text.length();
        int i = 0;
        if (i < n && text.charAt(i) == '-') {
            i++;
        }
        if (i == n) {
            return false;
        }
        if (text.charAt(i) == '0') {
            i++;
        } else {
            int digits = digits(text, i);
            if (digits == 0) {
                return false;
            }
            i += digits;
        }
        if (i < n && text.charAt(i) == '.') {
            int digits = digits(text, i + 1);
            if (digits == 0) {
                return false;
            }
            i += 1 + digits;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int digits = digits(text, i);
            if (digits == 0) {
                return false;
            }
            i += digits;
        }
        return i == n;
    }

    private static int digits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /** @return the exact value */
    public BigDecimal decimal() {
        return new BigDecimal(literal);
    }

    /** @return true when the number is spelled without a fraction or an exponent ({@code 12}, not {@code 12.0}) */
    public boolean integral() {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the value as a long
     * @throws ArithmeticException when it has a fraction or does not fit
     */
    public long longValue() {
        int n = literal.length();
        if (n < 19) {
            // at most 18 digits (and a sign) always fit: read them here, or see a fraction or an exponent
            boolean negative = literal.charAt(0) == '-';
            long value = 0;
            int i = negative ? 1 : 0;
            while (i < n) {
                char c = literal.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                i++;
            }
            if (i == n) {
                return negative ? -value : value;
            }
        }
        return decimal().longValueExact();
    }

    /**
     * @return the value as a whole number of any size
     * @throws ArithmeticException when it has a fraction
     */
    public BigInteger bigInteger() {
        return decimal().toBigIntegerExact();
    }

    /** @return the value as a double (may round) */
    public double doubleValue() {
        return Double.parseDouble(literal);
    }
}
