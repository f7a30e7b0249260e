package dev.verpath.rules;

/**
 * The kinds of failure, each with the exit code the {@code migrate} command ends with.
 */
public enum ErrorCode {
    /** A rule failed; the migration was rolled back. */
    RULE_FAILED(1),
    /** Validation found errors (after a step the migration was rolled back). */
    VALIDATION_FAILED(1),
    /**
     * A product or version is unknown, or the target cannot be reached from the source: what was asked for cannot
     * be planned, so it exits as a usage error does.
     */
    NO_PATH(2),
    /** A file could not be read or written, or space or permissions are short. */
    IO_FAILED(1),
    /** A rule set or plugin is broken or conflicts with another. */
    RULE_SET_INVALID(1),
    /** The command line or the migration config is wrong. */
    USAGE(2),
    /** Another migration holds the installation's lock. */
    LOCKED(3),
    /** An interrupted migration must be recovered first. */
    RECOVERY_NEEDED(4),
    /** A backup failed verification; nothing was restored. */
    BACKUP_CORRUPT(5);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    /**
     * The process exit code for this kind of failure.
     *
     * @return 1 to 5
     */
    public int exitCode() {
        return exitCode;
    }
}
