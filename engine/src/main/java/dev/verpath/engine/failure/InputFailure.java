package dev.verpath.engine.failure;

import java.util.Set;

/**
 * The user's input cannot be used: the command line, a setting, a file of the installation, a version no rule
 * knows. The message names the file (and line or key) or the setting, and what to fix. Of kind
 * {@link ErrorCode#USAGE}, {@link ErrorCode#NO_PATH}, {@link ErrorCode#RULE_FAILED} or
 * {@link ErrorCode#VALIDATION_FAILED}. Immutable.
 */
public class InputFailure extends EngineFailure {

    private static final long serialVersionUID = 1L;

    private static final Set<ErrorCode> KINDS = Set.of(ErrorCode.USAGE, ErrorCode.NO_PATH, ErrorCode.RULE_FAILED,
            ErrorCode.VALIDATION_FAILED);

    /**
     * @param code    which input failure
     * @param message one line: what is wrong, naming the file or setting, and what to do
     */
    public InputFailure(ErrorCode code, String message) {
        this(code, message, null);
    }

    /**
     * @param code    which input failure
     * @param message one line: what is wrong, naming the file or setting, and what to do
     * @param cause   the underlying exception, or null
     */
    public InputFailure(ErrorCode code, String message, Throwable cause) {
        super(checked(code, KINDS), message, cause);
    }
}
