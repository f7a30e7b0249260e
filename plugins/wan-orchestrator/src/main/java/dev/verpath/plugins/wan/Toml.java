package dev.verpath.plugins.wan;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * TOML literals for the manifest writer: basic strings, floats and arrays, written the same way every
 * time. Stateless.
 */
final class Toml {

    private Toml() {
    }

    /**
     * @param text any text
     * @return a TOML basic string, quoted and escaped
     */
    static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /**
     * @param key a key
     * @return the key bare when it is made of letters, digits, {@code _} and {@code -}; else quoted
     */
    static String key(String key) {
        return !key.isEmpty() && key.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-'))
                ? key : string(key);
    }

    /**
     * @param value a number
     * @return a TOML float: {@code 12} becomes {@code 12.0}, {@code 7.50} becomes {@code 7.5}
     */
    static String decimal(BigDecimal value) {
        String plain = value.stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /**
     * @param items texts
     * @return a one-line TOML array of strings
     */
    static String strings(List<String> items) {
        return items.stream().map(Toml::string).collect(Collectors.joining(", ", "[", "]"));
    }
}
