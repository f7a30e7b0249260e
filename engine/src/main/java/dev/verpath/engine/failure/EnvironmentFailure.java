package dev.verpath.engine.failure;

import java.util.Set;

/**
 * The machine the command runs on stopped it: a file that cannot be read or written, space, permissions, another
 * process's lock, an interrupted run, a damaged backup. The message names the folder or holder and what to do. Of
 * kind {@link ErrorCode#IO_FAILED}, or, through its subclasses, {@link ErrorCode#LOCKED} ({@link LockHeldFailure}),
 * {@link ErrorCode#RECOVERY_NEEDED} ({@link RecoveryNeededFailure}), {@link ErrorCode#BACKUP_CORRUPT}
 * ({@link BackupCorruptFailure}), {@link ErrorCode#HOOK_FAILED} (the service package's {@code HookFailure}) and
 * {@link ErrorCode#UNHEALTHY} (its {@code UnhealthyFailure}).
 * Immutable.
 */
public class EnvironmentFailure extends EngineFailure {

    private static final long serialVersionUID = 1L;

    private static final Set<ErrorCode> KINDS = Set.of(ErrorCode.IO_FAILED, ErrorCode.LOCKED, ErrorCode.RECOVERY_NEEDED,
            ErrorCode.BACKUP_CORRUPT, ErrorCode.HOOK_FAILED, ErrorCode.UNHEALTHY);

    /**
     * @param message one line: what failed, naming the file or folder, and what to do
     */
    public EnvironmentFailure(String message) {
        this(ErrorCode.IO_FAILED, message, null);
    }

    /**
     * @param message one line: what failed, naming the file or folder, and what to do
     * @param cause   the underlying exception, or null
     */
    public EnvironmentFailure(String message, Throwable cause) {
        this(ErrorCode.IO_FAILED, message, cause);
    }

    /**
     * @param code    which environment failure
     * @param message one line: what failed, naming the file, folder or holder, and what to do
     * @param cause   the underlying exception, or null
     */
    protected EnvironmentFailure(ErrorCode code, String message, Throwable cause) {
        super(checked(code, KINDS), message, cause);
    }
}
