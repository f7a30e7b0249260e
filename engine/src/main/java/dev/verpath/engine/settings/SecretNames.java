package dev.verpath.engine.settings;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What counts as a secret where Verpath records what it was given (the audit trail's command line, the settings of
 * a system snapshot): the value of an option, flag, setting or variable whose name has a word {@code token},
 * {@code password} ({@code passwd}, {@code pass}), {@code secret}, {@code key} ({@code apikey}),
 * {@code credential(s)} or {@code auth}, words being split at {@code - _ .} and case changes; and the password
 * part of a URL ({@code https://user:password@host}). Such a value is written as {@value #HIDDEN}, never itself.
 */
public final class SecretNames {

    /** What a secret value is written as. */
    public static final String HIDDEN = "***";

    private static final Set<String> WORDS = Set.of("token", "password", "passwd", "pass", "secret", "key", "apikey",
            "credential", "credentials", "auth");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/@:\\s]*):[^/@\\s]*@");

    private SecretNames() {
    }

    /**
     * Whether a name says its value is a secret.
     *
     * @param name an option ({@code --api-key}), setting ({@code flags.WAN_TOKEN}) or variable name
     * @return true for a secret's name
     */
    public static boolean secret(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        for (String word : spaced.split("[^a-z0-9]+")) {
            if (WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A value as it may be written: hidden when its name says secret, else with any URL password hidden.
     *
     * @param name  the value's name
     * @param value the value
     * @return the value to write
     */
    public static String shown(String name, String value) {
        return secret(name) ? HIDDEN : withoutUrlPassword(value);
    }

    /**
     * A text with the password of every URL in it hidden.
     *
     * @param text any text
     * @return the text, {@code scheme://user:***@host} for each URL with a password
     */
    public static String withoutUrlPassword(String text) {
        return URL_PASSWORD.matcher(text).replaceAll("$1:" + java.util.regex.Matcher.quoteReplacement(HIDDEN) + "@");
    }
}
