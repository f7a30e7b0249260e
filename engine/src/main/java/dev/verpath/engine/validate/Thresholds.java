package dev.verpath.engine.validate;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.rules.MigrationException;

/**
 * The limits of the engine's performance checks, from the {@code [validation]} settings. Immutable.
 *
 * @param smallFileBytes      a file under this size counts as small ({@code validation.small_file_bytes})
 * @param smallFilesPerFolder a folder with at least this many small files is reported
 *                            ({@code validation.small_files_per_folder})
 * @param splitFileBytes      a data file over this size is reported as worth splitting
 *                            ({@code validation.split_file_bytes})
 */
public record Thresholds(long smallFileBytes, long smallFilesPerFolder, long splitFileBytes) {

    private static final String SMALL_FILE_BYTES = "validation.small_file_bytes";
    private static final String SMALL_FILES_PER_FOLDER = "validation.small_files_per_folder";
    private static final String SPLIT_FILE_BYTES = "validation.split_file_bytes";

    /** The built-in defaults, as {@link SettingsLoader} defines them: 64 KiB, 1000 files, 1 GiB. */
    public static final Thresholds DEFAULTS = new Thresholds(builtIn(SMALL_FILE_BYTES), builtIn(SMALL_FILES_PER_FOLDER),
            builtIn(SPLIT_FILE_BYTES));

    /**
     * The thresholds the settings give (defaults where unset).
     *
     * @param settings the effective settings
     * @return the thresholds
     * @throws MigrationException with {@link ErrorCode#USAGE} when a value is not a positive whole number
     */
    public static Thresholds of(EngineSettings settings) {
        return new Thresholds(
                positive(settings, SMALL_FILE_BYTES, DEFAULTS.smallFileBytes()),
                positive(settings, SMALL_FILES_PER_FOLDER, DEFAULTS.smallFilesPerFolder()),
                positive(settings, SPLIT_FILE_BYTES, DEFAULTS.splitFileBytes()));
    }

    private static long builtIn(String key) {
        return Long.parseLong(SettingsLoader.defaultValue(key).orElseThrow());
    }

    private static long positive(EngineSettings settings, String key, long fallback) {
        return settings.wholeNumber(key, fallback, 1, Long.MAX_VALUE, "a whole number above 0");
    }
}
