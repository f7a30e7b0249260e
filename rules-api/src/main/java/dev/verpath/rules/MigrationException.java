package dev.verpath.rules;

/**
 * The root of every failure Verpath reports, typed by whose problem it is ({@link #fault()}). A rule throws
 * one of the two kinds meant for it, {@link RuleFailure} (the user's file cannot be migrated) and
 * {@link FlagFailure} (a flag's value is not acceptable); the engine's own kinds (a held lock, a damaged
 * backup, no path to the target) and the exit codes the command ends with are not part of this API.
 * Unchecked, immutable.
 */
public abstract class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one line: what went wrong, naming the file and what to do
     * @param cause   the underlying exception, or null
     */
    protected MigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whose problem this failure is.
     *
     * @return the fault, never null
     */
    public abstract Fault fault();
}
