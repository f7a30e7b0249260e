package dev.verpath.engine;

import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import java.util.List;
import java.util.Objects;

/**
 * What validation found on an installation.
 *
 * @param product  the product checked
 * @param version  the version it was checked against
 * @param findings every finding, sorted by category, path, then rule
 */
public record ValidationReport(String product, String version, List<Finding> findings) {

    /** Copies the list. */
    public ValidationReport {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        findings = List.copyOf(findings);
    }

    /** @return true when any finding is an error */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
