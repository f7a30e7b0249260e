package dev.verpath.builtin.data;

/**
 * Reads a number literal written as a plain integer ({@code 1700000000}, {@code -12}: no fraction, no exponent) in
 * one pass over its characters, for the values computed once a record: {@code JsonNumber}'s {@code integral()} and
 * {@code longValue()} each walk the literal again. Stateless.
 */
final class SmallIntegers {

    /** What {@link #of} answers for any other literal. */
    static final long NONE = Long.MIN_VALUE;
    /** Digits that always fit in a {@code long}. */
    private static final int DIGITS = 18;

    private SmallIntegers() {
    }

    /**
     * @param literal a JSON number's literal
     * @param limit   the bound of the magnitude
     * @return the value when the literal is a plain integer of at most {@value #DIGITS} digits and a magnitude below
     *     {@code limit}, else {@link #NONE} (the caller then takes its exact path for any number)
     */
    static long of(String literal, long limit) {
        int n = literal.length();
        int i = n > 0 && literal.charAt(0) == '-' ? 1 : 0;
        if (i == n || n - i > DIGITS) {
            return NONE;
        }
        long value = 0;
        for (; i < n; i++) {
            char c = literal.charAt(i);
            if (c < '0' || c > '9') {
                return NONE; // a fraction or an exponent
            }
            value = value * 10 + (c - '0');
        }
        if (value >= limit) {
            return NONE;
        }
        return literal.charAt(0) == '-' ? -value : value;
    }
}
