package dev.verpath.engine.records;

import java.util.Map;
import java.util.Objects;

/**
 * What every record rule of a run may ask its context: the product, the flags as set, and whether lossy steps are
 * allowed.
 *
 * @param product      the product
 * @param flags        every declared flag's value, by name
 * @param lossyAllowed whether the user allowed lossy steps
 */
public record RecordRun(String product, Map<String, String> flags, boolean lossyAllowed) {

    /** Copies the flags. */
    public RecordRun {
        Objects.requireNonNull(product, "product");
        flags = Map.copyOf(flags);
    }
}
