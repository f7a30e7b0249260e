package dev.verpath.engine.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where log lines go and how many: the {@code [log]} settings. {@code log.level} is a level name ({@code error},
 * {@code warn}, {@code info}, {@code debug}, {@code trace}, {@code off}) or the seed guide's {@code RUST_LOG} form,
 * directives separated by commas such as {@code trustformers=debug,info}: there a bare level wins, and without one
 * the most detailed level any {@code target=level} names (the targets were the Rust tool's crates, which have no
 * counterpart here). Immutable.
 *
 * @param level  the level, in lower case
 * @param format {@code text} or {@code json}
 * @param file   the file log lines are appended to, when not stderr
 */
public record LogSettings(String level, String format, Optional<Path> file) {

    /** The words for what {@code log.level} accepts, for the message refusing another value. */
    static final String EXPECTED = "error, warn, info, debug, trace or off (or RUST_LOG's target=level,...)";

    private static final List<String> LEVELS = List.of("off", "error", "warn", "info", "debug", "trace");

    /** Checks that nothing is null. */
    public LogSettings {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(file, "file");
    }

    /**
     * The log settings of the effective settings (checked when they were loaded).
     *
     * @param settings the effective settings
     * @return the log settings
     */
    public static LogSettings of(EngineSettings settings) {
        return new LogSettings(settings.value("log.level").flatMap(LogSettings::level).orElse("warn"),
                settings.value("log.format").orElse("text"),
                settings.value("log.file").filter(v -> !v.isBlank()).map(Path::of));
    }

    /**
     * The level a value names.
     *
     * @param value the setting's text
     * @return the level in lower case, or empty when the value is not a level or a list of directives
     */
    public static Optional<String> level(String value) {
        Optional<String> bare = Optional.empty();
        int finest = -1;
        for (String directive : value.trim().toLowerCase(Locale.ROOT).split("\\s*,\\s*")) {
            String level = directive.contains("=") ? directive.substring(directive.indexOf('=') + 1).trim() : directive;
            int rank = LEVELS.indexOf(level);
            if (rank < 0) {
                return Optional.empty();
            }
            if (!directive.contains("=")) {
                bare = Optional.of(level);
            }
            finest = Math.max(finest, rank);
        }
        return bare.isPresent() ? bare : Optional.of(LEVELS.get(finest));
    }
}
