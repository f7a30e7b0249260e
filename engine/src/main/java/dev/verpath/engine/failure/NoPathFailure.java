package dev.verpath.engine.failure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * No migration leads where the user asked: the product or a version is unknown, or the target cannot be reached
 * (without lossy steps). Carries what planning knew, so that callers decide by data, never by the message.
 * {@link ErrorCode#NO_PATH}. Immutable.
 */
public final class NoPathFailure extends InputFailure {

    private static final long serialVersionUID = 1L;

    /** What could not be found. */
    public enum Missing {
        /** The product is unknown. */
        PRODUCT,
        /** The source version is unknown, or newer than every known version. */
        SOURCE,
        /** The target version is unknown. */
        TARGET,
        /** Both versions are known but no path joins them (or only a lossy one). */
        PATH
    }

    private final String product;
    private final Missing missing;
    private final List<String> known;
    private final List<String> reachable;

    /**
     * @param message   one line: what is missing and what to do
     * @param product   the product asked for
     * @param missing   what could not be found
     * @param known     the versions (or, for {@link Missing#PRODUCT}, the products) that are known
     * @param reachable the versions reachable from the source, for {@link Missing#PATH}; else empty
     */
    public NoPathFailure(String message, String product, Missing missing, List<String> known, List<String> reachable) {
        this(message, product, missing, known, reachable, null);
    }

    private NoPathFailure(String message, String product, Missing missing, List<String> known, List<String> reachable,
                          Throwable cause) {
        super(ErrorCode.NO_PATH, message, cause);
        this.product = Objects.requireNonNull(product, "product");
        this.missing = Objects.requireNonNull(missing, "missing");
        this.known = List.copyOf(known);
        this.reachable = List.copyOf(reachable);
    }

    /**
     * The same failure with a prefix that says where the asked-for version was read (VERSION or the history).
     *
     * @param where e.g. {@code /srv/inst/VERSION}
     * @return the failure, its message prefixed
     */
    public NoPathFailure readFrom(String where) {
        return new NoPathFailure(where + ": " + getMessage(), product, missing, known, reachable, this);
    }

    /** @return the product asked for */
    public String product() {
        return product;
    }

    /** @return what could not be found */
    public Missing missing() {
        return missing;
    }

    /** @return the known versions (or products, when the product is what is missing) */
    public List<String> known() {
        return known;
    }

    /** @return the versions reachable from the source when no path joins the two; else empty */
    public List<String> reachable() {
        return reachable;
    }

    /** @return the newest known version, when any */
    public Optional<String> newest() {
        return known().isEmpty() || missing == Missing.PRODUCT ? Optional.empty() : Optional.of(known().get(known().size() - 1));
    }
}
