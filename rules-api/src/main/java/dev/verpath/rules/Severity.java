package dev.verpath.rules;

/** How bad a finding is. An error fails validation (and rolls a migration step back). */
public enum Severity {
    /** The installation is broken at this version. */
    ERROR,
    /** Worth fixing; an error under {@code --strict}. */
    WARNING,
    /** For the record. */
    INFO;

    /**
     * The lower-case name used in reports.
     *
     * @return the label, never null
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
