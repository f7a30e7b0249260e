package dev.verpath.engine.plan;

import java.util.List;
import java.util.Objects;

/**
 * One finding of the version graph's lint ({@link GraphLint}).
 *
 * @param severity {@code error} (the lint fails) or {@code warning}
 * @param kind     what it is: {@code stranded}, {@code lossy-only}, {@code no-edge}, {@code no-way-back},
 *                 {@code shadowed-range}, {@code range-covers-nothing}, {@code overlapping-ranges},
 *                 {@code several-owners}
 * @param product  the product
 * @param versions the versions concerned
 * @param edges    the edges concerned, as {@code FROM -> TO} with the declared origin where it is a range
 * @param owners   the rule sets the edges' rules come from
 * @param message  what is wrong and how to fix it
 */
public record LintFinding(String severity, String kind, String product, List<String> versions, List<String> edges,
                          List<String> owners, String message) {

    /** Copies the lists. */
    public LintFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(product, "product");
        versions = List.copyOf(versions);
        edges = List.copyOf(edges);
        owners = List.copyOf(owners);
        Objects.requireNonNull(message, "message");
    }

    /** @return whether it fails the lint */
    public boolean error() {
        return severity.equals("error");
    }
}
