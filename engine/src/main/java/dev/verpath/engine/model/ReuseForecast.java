package dev.verpath.engine.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code migrate version} would reuse from the step cache, as {@code migrate info} reports it: the record files
 * of the plan's first record pass whose output an earlier run kept for their bytes, of all the files that pass
 * streams. Immutable.
 *
 * @param files      how many files' outputs would be reused
 * @param bytes      their size, as read
 * @param ofFiles    how many files the first record pass streams
 * @param ofBytes    their size
 * @param cache      the step cache's folder; empty when {@code [cache] enabled = false}
 * @param cacheBytes what the cache holds now
 * @param maxBytes   the most it may hold ({@code [cache] max_bytes}, or a tenth of its file system)
 */
public record ReuseForecast(int files, long bytes, int ofFiles, long ofBytes, Optional<Path> cache, long cacheBytes,
                            long maxBytes) {

    /** Checks that nothing is null. */
    public ReuseForecast {
        java.util.Objects.requireNonNull(cache, "cache");
    }
}
