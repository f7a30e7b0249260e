package dev.verpath.engine.failure;

/**
 * The one way a message quotes untrusted text (a backup's entry names, manifest fields, what Commons Compress or
 * Jackson says about bad input): at most {@value #LIMIT} characters of it, control and line-breaking characters
 * escaped ({@code \n}, {@code \}{@code u001b}), and {@code ...} when it was cut. A crafted backup can then
 * neither flood a message nor break it into lines or paint the terminal. Thread-safe.
 */
public final class Excerpt {

    /** How many characters of the input an excerpt keeps. */
    static final int LIMIT = 60;

    private Excerpt() {
    }

    /**
     * @param text untrusted text, or null
     * @return the excerpt: one line, at most {@value #LIMIT} input characters, empty for null
     */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int kept = 0;
        for (int i = 0; i < text.length(); ) {
            if (kept == LIMIT) {
                return out.append("...").toString();
            }
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            kept++;
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    int type = Character.getType(c);
                    if (Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                            || type == Character.FORMAT || type == Character.SURROGATE || type == Character.UNASSIGNED) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * What an I/O failure says, as an excerpt: its message, else its kind in words.
     *
     * @param failure the failure
     * @return the excerpt
     */
    /**
     * Why something failed, for a message: the message of the innermost cause that has one (a wrapper such as
     * {@code UncheckedIOException} adds only the class name of what it wraps), without class names.
     *
     * @param failure the failure
     * @return the reason, never empty
     */
    public static String reason(Throwable failure) {
        String found = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                found = t.getMessage();
            }
        }
        return found == null ? "no detail given"
                : found.replaceAll("\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error): ", "");
    }

    public static String of(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "no detail given" : of(message);
    }
}
