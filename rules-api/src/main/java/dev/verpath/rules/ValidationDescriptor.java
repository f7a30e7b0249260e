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

    /**
     * A descriptor built by name, so that no two strings can swap:
     * {@code ValidationDescriptor.of("gateway.2.0.0.timestamps", ValidationCategory.SCHEMA)
     * .named("Every record has a timestamp", "Checks that ...").covers("gateway", ">=2.0.0").build()} (severity
     * {@link Severity#ERROR} unless {@link Builder#severity} says otherwise).
     *
     * @param id       the id, unique among the loaded rules
     * @param category what kind of check it is
     * @return a builder
     */
    public static Builder of(String id, ValidationCategory category) {
        return new Builder(id, category);
    }

    /** Builds a {@link ValidationDescriptor}, one part at a time. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final ValidationCategory category;
        private String displayName;
        private String description;
        private String product;
        private String versions;
        private Severity severity = Severity.ERROR;

        private Builder(String id, ValidationCategory category) {
            this.id = id;
            this.category = category;
        }

        /**
         * @param name        a short name, capitalised, no final period
         * @param explanation what it checks, in full sentences
         * @return this builder
         */
        public Builder named(String name, String explanation) {
            this.displayName = name;
            this.description = explanation;
            return this;
        }

        /**
         * @param productName the product it checks
         * @param range       the versions it applies to, a version or a range such as {@code >=2.0.0}
         * @return this builder
         */
        public Builder covers(String productName, String range) {
            this.product = productName;
            this.versions = range;
            return this;
        }

        /**
         * @param level the severity of what it finds
         * @return this builder
         */
        public Builder severity(Severity level) {
            this.severity = level;
            return this;
        }

        /**
         * @return the descriptor
         * @throws NullPointerException naming a part that was not given
         */
        public ValidationDescriptor build() {
            return new ValidationDescriptor(id, displayName, description, product, versions, category, severity);
        }
    }
}
