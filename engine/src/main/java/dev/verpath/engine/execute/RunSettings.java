package dev.verpath.engine.execute;

import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.rules.ErrorCode;
import dev.verpath.rules.MigrationException;

/**
 * The numeric and switch settings of a run, read and checked once before it starts, so a value that cannot
 * be read stops the run before anything is done.
 *
 * @param recordThreads   {@code data_migration.threads}: threads that migrate records (0 in the file: one a core)
 * @param keepFreeBytes   {@code backup.keep_free_bytes}: free space the backup must leave on its file system
 * @param sourceValidated {@code validation.before_migration}: whether the source is validated first
 */
record RunSettings(int recordThreads, long keepFreeBytes, boolean sourceValidated) {

    /**
     * @param settings the effective settings
     * @return the run's settings
     * @throws MigrationException with {@link ErrorCode#USAGE} naming a value that is not a number in range
     */
    static RunSettings of(EngineSettings settings) {
        long threads = number(settings, "data_migration.threads", Integer.MAX_VALUE,
                "0 (one thread a core) or a whole number above 0");
        long keepFree = number(settings, "backup.keep_free_bytes", Long.MAX_VALUE, "a whole number of bytes, 0 or more");
        return new RunSettings(threads == 0 ? Runtime.getRuntime().availableProcessors() : (int) threads, keepFree,
                settings.value("validation.before_migration").map(Boolean::parseBoolean).orElse(true));
    }

    private static long number(EngineSettings settings, String key, long max, String expected) {
        String text = settings.value(key).orElse("0").trim();
        try {
            long value = Long.parseLong(text);
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MigrationException(ErrorCode.USAGE, key + " = '" + text + "': expected " + expected
                + "; fix the setting in migration_config.toml");
    }
}
