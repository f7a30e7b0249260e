package dev.verpath.engine.validate;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.settings.EngineSettings;
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

    /** The built-in defaults: 64 KiB, 1000 files, 1 GiB. */
    public static final Thresholds DEFAULTS = new Thresholds(65_536, 1_000, 1L << 30);

    /**
     * The thresholds the settings give (defaults where unset).
     *
     * @param settings the effective settings
     * @return the thresholds
     * @throws MigrationException with {@link ErrorCode#USAGE} when a value is not a positive whole number
     */
    public static Thresholds of(EngineSettings settings) {
        return new Thresholds(
                positive(settings, "validation.small_file_bytes", DEFAULTS.smallFileBytes()),
                positive(settings, "validation.small_files_per_folder", DEFAULTS.smallFilesPerFolder()),
                positive(settings, "validation.split_file_bytes", DEFAULTS.splitFileBytes()));
    }

    private static long positive(EngineSettings settings, String key, long fallback) {
        return settings.wholeNumber(key, fallback, 1, Long.MAX_VALUE, "a whole number above 0");
    }
}
