package dev.verpath.rules;

import java.util.List;
import java.util.Objects;

/**
 * What a migration rule is: its identity, the edge of the version graph it belongs to, and what it
 * changes. Immutable and thread-safe.
 *
 * @param id              a stable identifier, unique across every loaded rule, e.g. {@code serve.v1.config}
 * @param displayName     a short human name, capitalised, without a final period
 * @param description     full sentences saying what the rule does
 * @param product         the product whose installations the rule migrates, e.g. {@code serve}
 * @param from            the versions the rule leads from: one version ({@code 1.0.0}) or a semver range
 *                        ({@code >=1.0.0 <2.0.0}); an installation at any version in the range is
 *                        planned from this edge
 * @param to              the one version the rule leads to
 * @param kind            what part of the installation the rule changes
 * @param breakingChanges what users of the installation must change after this step; empty when none
 * @param lossy           true when the step cannot keep every piece of information (the planner uses
 *                        a lossy edge only when the user allows it)
 * @param version         the rule's own revision, recorded in the history through the rule's checksum;
 *                        bump it whenever the rule's output changes
 * @param paths           globs, relative to the installation root with {@code /} separators, of the
 *                        files the rule reads or writes (for example {@code data/**}{@code /*.jsonl}); a
 *                        {@code **}{@code /} matches zero or more folders. They scope estimates, backups
 *                        and the record pipeline.
 */
public record RuleDescriptor(
        String id,
        String displayName,
        String description,
        String product,
        String from,
        String to,
        RuleKind kind,
        List<String> breakingChanges,
        boolean lossy,
        String version,
        List<String> paths) {

    /** Checks that every text is present and copies the lists so the record stays immutable. */
    public RuleDescriptor {
        requireText(id, "id");
        requireText(displayName, "displayName");
        requireText(description, "description");
        requireText(product, "product");
        requireText(from, "from");
        requireText(to, "to");
        Objects.requireNonNull(kind, "kind");
        requireText(version, "version");
        breakingChanges = List.copyOf(breakingChanges);
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " names no paths");
        }
    }

    /**
     * Starts a descriptor by name, so that no two arguments of the same type can swap:
     *
     * <pre>{@code
     * RuleDescriptor.of("gateway.2.0.0.data", RuleKind.DATA)
     *         .named("Rename client fields", "Renames client_addr to client.ip.")
     *         .edge("gateway", "1.0.0", "2.0.0")
     *         .paths("data/**\/*.jsonl")
     *         .build();
     * }</pre>
     *
     * Unless set, a descriptor has no breaking changes, is not lossy and is at version {@code 1}.
     *
     * @param id   the rule's id
     * @param kind what part of the installation it changes
     * @return the builder
     */
    public static Builder of(String id, RuleKind kind) {
        return new Builder(id, kind);
    }

    /** Builds a {@link RuleDescriptor} one named part at a time. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final RuleKind kind;
        private String displayName;
        private String description;
        private String product;
        private String from;
        private String to;
        private List<String> breakingChanges = List.of();
        private boolean lossy;
        private String version = "1";
        private List<String> paths = List.of();

        private Builder(String id, RuleKind kind) {
            this.id = id;
            this.kind = kind;
        }

        /**
         * @param displayName a short human name, capitalised, without a final period
         * @param description full sentences saying what the rule does
         * @return this builder
         */
        public Builder named(String displayName, String description) {
            this.displayName = displayName;
            this.description = description;
            return this;
        }

        /**
         * @param product the product
         * @param from    the version (or semver range) the rule leads from
         * @param to      the version it leads to
         * @return this builder
         */
        public Builder edge(String product, String from, String to) {
            this.product = product;
            this.from = from;
            this.to = to;
            return this;
        }

        /**
         * @param changes what users must change after this step
         * @return this builder
         */
        public Builder breakingChanges(String... changes) {
            this.breakingChanges = List.of(changes);
            return this;
        }

        /** @return this builder, for a rule that cannot keep every piece of information */
        public Builder lossy() {
            this.lossy = true;
            return this;
        }

        /**
         * @param version the rule's own revision; bump it whenever its output changes
         * @return this builder
         */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /**
         * @param globs the files the rule reads or writes
         * @return this builder
         */
        public Builder paths(String... globs) {
            this.paths = List.of(globs);
            return this;
        }

        /**
         * @return the descriptor
         * @throws IllegalArgumentException naming the first part that is missing or blank
         */
        public RuleDescriptor build() {
            return new RuleDescriptor(id, displayName, description, product, from, to, kind, breakingChanges, lossy,
                    version, paths);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("rule descriptor: " + name + " must not be blank");
        }
    }
}
