package dev.verpath.rules;

import java.util.Objects;

/**
 * What a validation rule is. Immutable.
 *
 * @param id          a stable identifier, unique across every loaded rule
 * @param displayName a short human name, capitalised, without a final period
 * @param description full sentences saying what the rule checks
 * @param product     the product whose installations it checks
 * @param versions    the versions it applies to: one version or a semver range such as {@code >=1.0.0}
 * @param category    what it looks at
 * @param severity    how bad its findings are
 */
public record ValidationDescriptor(
        String id,
        String displayName,
        String description,
        String product,
        String versions,
        ValidationCategory category,
        Severity severity) {

    /** Checks that nothing is missing. */
    public ValidationDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
    }
}
