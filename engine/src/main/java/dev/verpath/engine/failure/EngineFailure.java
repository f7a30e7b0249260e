package dev.verpath.engine.failure;

import dev.verpath.rules.Fault;
import dev.verpath.rules.MigrationException;
import java.util.Objects;
import java.util.Set;

/**
 * A failure the engine itself reports, of one {@link ErrorCode}, typed by cause: {@link InputFailure} (the user's
 * input; {@link NoPathFailure}), {@link EnvironmentFailure} (the machine; {@link LockHeldFailure},
 * {@link RecoveryNeededFailure}, {@link BackupCorruptFailure}) and {@link RuleBugFailure} (a rule's or plugin's).
 * Code decides by these types and their data, never by a message's text; the command line maps the
 * {@link ErrorCode} to an exit code in one place. Unchecked, immutable.
 */
public abstract class EngineFailure extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * @param code    what kind of failure
     * @param message one line: what went wrong, naming the file and what to do
     */
    protected EngineFailure(ErrorCode code, String message) {
        this(code, message, null);
    }

    /**
     * @param code    what kind of failure
     * @param message one line: what went wrong, naming the file and what to do
     * @param cause   the underlying exception, or null
     */
    protected EngineFailure(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * A failure of a kind known only as a value, of the class its kind belongs to.
     *
     * @param code    what kind of failure
     * @param message one line: what went wrong, naming the file and what to do
     * @return an {@link InputFailure}, {@link EnvironmentFailure} or {@link RuleBugFailure}
     */
    public static EngineFailure of(ErrorCode code, String message) {
        return of(code, message, null);
    }

    /**
     * A failure of a kind known only as a value (a failure passed on with more words), of the class its kind belongs
     * to.
     *
     * @param code    what kind of failure
     * @param message one line: what went wrong, naming the file and what to do
     * @param cause   the underlying exception, or null
     * @return an {@link InputFailure}, {@link EnvironmentFailure} or {@link RuleBugFailure}
     */
    public static EngineFailure of(ErrorCode code, String message, Throwable cause) {
        return switch (code) {
            case USAGE, NO_PATH, RULE_FAILED, VALIDATION_FAILED -> new InputFailure(code, message, cause);
            case IO_FAILED, LOCKED, RECOVERY_NEEDED, BACKUP_CORRUPT, HOOK_FAILED, UNHEALTHY ->
                    new EnvironmentFailure(code, message, cause);
            case RULE_BUG, RULE_SET_INVALID -> new RuleBugFailure(code, message, cause);
        };
    }

    /** @return the code when it is one of the kinds, for a subclass's constructor */
    static ErrorCode checked(ErrorCode code, Set<ErrorCode> kinds) {
        if (!kinds.contains(Objects.requireNonNull(code, "code"))) {
            throw new IllegalArgumentException(code + " is not one of " + kinds);
        }
        return code;
    }

    /** @return what kind of failure, never null */
    public ErrorCode code() {
        return code;
    }

    /** @return the fault of its kind */
    @Override
    public Fault fault() {
        return code.fault();
    }
}
