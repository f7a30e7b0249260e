package dev.verpath.engine.validate;

import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import java.util.List;
import java.util.Objects;

/**
 * What validation found on an installation.
 *
 * @param product    the product checked
 * @param version    the version it was checked against
 * @param findings   every finding, sorted by category, path, then rule; under strict validation the warnings
 *                   are already errors
 * @param categories the categories that were checked, in report order
 * @param strict     whether warnings counted as errors
 * @param repairs    what {@code --repair} did, one entry a damaged file; empty without {@code --repair}
 */
public record ValidationReport(String product, String version, List<Finding> findings, List<ValidationCategory> categories,
                               boolean strict, List<Repair> repairs) {

    /** Copies the lists. */
    public ValidationReport {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        findings = List.copyOf(findings);
        categories = List.copyOf(categories);
        repairs = List.copyOf(repairs);
    }

    /**
     * A report of every category, not strict, without repairs.
     *
     * @param product  the product checked
     * @param version  the version it was checked against
     * @param findings every finding
     */
    public ValidationReport(String product, String version, List<Finding> findings) {
        this(product, version, findings, List.of(ValidationCategory.values()), false, List.of());
    }

    /** @return true when any finding is an error */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
