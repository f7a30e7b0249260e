package dev.verpath.engine.records;

import java.util.Map;
import java.util.Objects;

/**
 * What the record pipeline of a run needs besides its stages: what every record rule may ask its context (the
 * product, the flags as set, whether lossy steps are allowed) and the largest record it holds in memory.
 *
 * @param product        the product
 * @param flags          every declared flag's value, by name
 * @param lossyAllowed   whether the user allowed lossy steps
 * @param maxRecordBytes the longest line read whole ({@code [data_migration] max_record_bytes}); a longer one fails
 *                       the step, naming the file, the line and the setting, before it is held whole
 */
public record RecordRun(String product, Map<String, String> flags, boolean lossyAllowed, long maxRecordBytes) {

    /** The default of {@code [data_migration] max_record_bytes}: 32 MiB. */
    public static final long DEFAULT_MAX_RECORD_BYTES = 32L << 20;

    /** Copies the flags. */
    public RecordRun {
        Objects.requireNonNull(product, "product");
        flags = Map.copyOf(flags);
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("maxRecordBytes must be above 0: " + maxRecordBytes);
        }
    }

    /**
     * A run without a product's flags, for tests and tools.
     *
     * @param product      the product
     * @param flags        the flags
     * @param lossyAllowed whether lossy steps are allowed
     */
    public RecordRun(String product, Map<String, String> flags, boolean lossyAllowed) {
        this(product, flags, lossyAllowed, DEFAULT_MAX_RECORD_BYTES);
    }
}
