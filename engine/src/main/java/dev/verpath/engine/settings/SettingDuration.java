package dev.verpath.engine.settings;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as settings write it: a whole number and a unit, {@code 500ms}, {@code 60s}, {@code 2m} or {@code 1h}
 * ({@code [hooks] timeout}, {@code [health] interval} and {@code timeout}). A bare number is refused: seconds or
 * milliseconds would be a guess. Stateless.
 */
public final class SettingDuration {

    /** What a duration setting accepts, as messages say it. */
    public static final String EXPECTED = "a duration such as 500ms, 60s, 2m or 1h";

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    private SettingDuration() {
    }

    /**
     * @param text the setting's text
     * @return the duration, or empty when the text is not one
     */
    public static Optional<Duration> parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        });
    }

    /**
     * @param duration a duration
     * @return it as settings write it, in the largest unit that is exact ({@code 60s}, {@code 1500ms})
     */
    public static String text(Duration duration) {
        long ms = duration.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
