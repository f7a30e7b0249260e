package dev.verpath.engine.failure;

import dev.verpath.rules.Fault;
import dev.verpath.rules.FlagFailure;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.RuleFailure;

/**
 * The kinds of failure the engine reports, each with whose problem it is. The command line maps each kind to
 * its exit code; the names are the {@code code} of a {@code --json} error document.
 */
public enum ErrorCode {
    /** A rule could not migrate the user's data (a {@link RuleFailure}); the migration was rolled back. */
    RULE_FAILED(Fault.INPUT),
    /** A rule threw or broke its contract: a bug of the rule, to report to its authors; rolled back. */
    RULE_BUG(Fault.RULE),
    /** Validation found errors (after a step the migration was rolled back). */
    VALIDATION_FAILED(Fault.INPUT),
    /** A product or version is unknown, or the target cannot be reached from the source. */
    NO_PATH(Fault.INPUT),
    /** A file could not be read or written, or space or permissions are short. */
    IO_FAILED(Fault.ENVIRONMENT),
    /** A rule set or plugin is broken or conflicts with another. */
    RULE_SET_INVALID(Fault.RULE),
    /** The command line, the migration config or a flag's value is wrong. */
    USAGE(Fault.INPUT),
    /** Another migration holds the installation's lock. */
    LOCKED(Fault.ENVIRONMENT),
    /** An interrupted migration must be recovered first. */
    RECOVERY_NEEDED(Fault.ENVIRONMENT),
    /** A backup failed verification; nothing was restored. */
    BACKUP_CORRUPT(Fault.ENVIRONMENT),
    /** A hook (an operator's command around the run, such as stopping the service) failed or timed out. */
    HOOK_FAILED(Fault.ENVIRONMENT),
    /** The migration was committed, but the service was not healthy after it; the backup was restored. */
    UNHEALTHY(Fault.ENVIRONMENT);

    private final Fault fault;

    ErrorCode(Fault fault) {
        this.fault = fault;
    }

    /** @return whose problem a failure of this kind usually is */
    public Fault fault() {
        return fault;
    }

    /**
     * The kind of any failure: an engine failure's own code; a rule's {@link RuleFailure} is
     * {@link #RULE_FAILED}, its {@link FlagFailure} {@link #USAGE}; any other kind a plugin made up is taken by
     * its fault.
     *
     * @param failure the failure
     * @return its kind
     */
    public static ErrorCode of(MigrationException failure) {
        if (failure instanceof EngineFailure engineFailure) {
            return engineFailure.code();
        }
        if (failure instanceof FlagFailure) {
            return USAGE;
        }
        if (failure instanceof RuleFailure) {
            return RULE_FAILED;
        }
        return switch (failure.fault()) {
            case ENVIRONMENT -> IO_FAILED;
            case INPUT -> RULE_FAILED;
            case RULE -> RULE_BUG;
        };
    }
}
