package dev.verpath.engine.edit;

import org.tomlj.Toml;

/**
 * What one line of a TOML file holds: where a key line's {@code =} is, its key's text, where its value ends.
 * Stateless.
 */
final class TomlLine {

    private TomlLine() {
    }

    /** @return whether a line is blank or only a comment */
    static boolean isBlankOrComment(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("#");
    }

    /** The text before the {@code =} of a key line, stripped. */
    static String keyText(String line) {
        return line.substring(0, equalsAt(line)).strip();
    }

    /** The {@code =} of a key line: the first one outside quotes. */
    static int equalsAt(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '=') {
                return i;
            }
        }
        return line.length();
    }

    /** @return a key's text without the quotes around it, if it has them */
    static String unquoted(String key) {
        if (key.length() >= 2 && (key.startsWith("\"") || key.startsWith("'"))) {
            return key.substring(1, key.length() - 1);
        }
        return key;
    }

    /** Where a one-line value ends in the text after its {@code =}: the shortest prefix TOML reads as the value. */
    static int valueEnd(String rest) {
        for (int cut = rest.indexOf('#'); cut >= 0; cut = rest.indexOf('#', cut + 1)) {
            if (!Toml.parse("v =" + rest.substring(0, cut)).hasErrors()) {
                int end = cut;
                while (end > 0 && Character.isWhitespace(rest.charAt(end - 1))) {
                    end--;
                }
                return end;
            }
        }
        return rest.stripTrailing().length();
    }
}
