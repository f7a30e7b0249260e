package dev.verpath.rules;

/**
 * What a file of an installation is to the engine, as its product declares it ({@link FileRoles}). Thread-safe.
 */
public enum FileRole {
    /**
     * Immutable weights: kept in a backup as a link or a clone (never copied into its archive), hashed once per
     * run, and never opened for writing (a rule may move, hard-link or delete one, never write one).
     */
    WEIGHTS,
    /** Configuration: read by the engine's configuration checks (secrets, plain http) and the config schema setting. */
    CONFIG,
    /** Data such as record files: the engine's data checks (size, modes) look at them. */
    DATA,
    /** Everything else: backed up in the archive, carried through untouched unless a rule changes it. */
    OTHER
}
