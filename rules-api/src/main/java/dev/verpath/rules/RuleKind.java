package dev.verpath.rules;

/**
 * What part of an installation a migration rule changes. Within one step the engine runs the
 * config rules, then the data rules, then the model rules, then the step's validation.
 */
public enum RuleKind {
    /** Configuration files: small, read and written whole. */
    CONFIG,
    /** Data files: records streamed one at a time, or whole files for whole-file rules. */
    DATA,
    /** Model folders: weight files (never opened for writing) and their metadata. */
    MODEL;

    /**
     * The lower-case name used on the command line and in reports, e.g. {@code "config"}.
     *
     * @return the label, never null
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
