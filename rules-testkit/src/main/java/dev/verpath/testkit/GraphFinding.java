package dev.verpath.testkit;

import java.util.List;
import java.util.Objects;

/**
 * One finding of {@link VersionGraphCheck}, as {@code migrate graph --check} prints it.
 *
 * @param severity {@code error} (the check fails) or {@code warning}
 * @param kind     {@code stranded}, {@code lossy-only}, {@code no-edge}, {@code no-way-back}, {@code shadowed-range},
 *                 {@code range-covers-nothing}, {@code overlapping-ranges} or {@code several-owners}
 * @param product  the product
 * @param versions the versions concerned
 * @param edges    the edges concerned
 * @param owners   the rule sets the edges' rules come from
 * @param message  what is wrong and how to fix it
 */
public record GraphFinding(String severity, String kind, String product, List<String> versions, List<String> edges,
                           List<String> owners, String message) {

    /** Copies the lists. */
    public GraphFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(product, "product");
        versions = List.copyOf(versions);
        edges = List.copyOf(edges);
        owners = List.copyOf(owners);
        Objects.requireNonNull(message, "message");
    }

    /** @return whether it fails the check */
    public boolean error() {
        return severity.equals("error");
    }
}
