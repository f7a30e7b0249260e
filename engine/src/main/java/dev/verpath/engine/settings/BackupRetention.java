package dev.verpath.engine.settings;

import java.time.Duration;

/**
 * How many backups the automatic prune after a successful run keeps ({@code [backup] auto_prune}, {@code keep_last},
 * {@code keep_days}): a backup goes only when it is neither among the newest {@code keep_last} nor younger than
 * {@code keep_days} days (0: age does not protect a backup). Immutable.
 *
 * @param auto     {@code backup.auto_prune}: whether a successful run prunes at all
 * @param keepLast {@code backup.keep_last}: the newest backups always kept
 * @param keepDays {@code backup.keep_days}: backups younger than this many days are kept too
 */
public record BackupRetention(boolean auto, int keepLast, int keepDays) {

    /**
     * @param settings the effective settings
     * @return their retention
     */
    public static BackupRetention of(EngineSettings settings) {
        boolean auto = Boolean.parseBoolean(settings.value("backup.auto_prune").orElse("true"));
        int days = (int) settings.wholeNumber("backup.keep_days", 30, 0, 36_500, "a whole number of days, 0 or more");
        return new BackupRetention(auto, settings.keepLast(), days);
    }

    /** @return how old a backup must be before age no longer protects it; zero when age protects none */
    public Duration maxAge() {
        return Duration.ofDays(keepDays);
    }
}
