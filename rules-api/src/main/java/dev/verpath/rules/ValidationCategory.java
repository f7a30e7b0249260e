package dev.verpath.rules;

/** What a validation rule looks at. Findings are grouped by category in reports. */
public enum ValidationCategory {
    /** Files parse and have their version's required keys and fields. */
    SCHEMA,
    /** Sizes and checksums match what metadata and manifests record. */
    INTEGRITY,
    /** Paths, permissions, secrets and formats that put the installation at risk. */
    SECURITY,
    /** Layouts and formats that make serving slow. */
    PERFORMANCE,
    /** Names and paths that break on other systems. */
    COMPATIBILITY;

    /**
     * The lower-case name used on the command line and in reports.
     *
     * @return the label, never null
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
