package dev.verpath.rules;

import java.util.Objects;

/**
 * The root of every failure the engine reports. Each carries an {@link ErrorCode} that decides the
 * command's exit code. Unchecked, immutable.
 */
public class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * @param code    what kind of failure
     * @param message one line: what went wrong, naming the file and what to do
     */
    public MigrationException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * @param code    what kind of failure
     * @param message one line: what went wrong, naming the file and what to do
     * @param cause   the underlying exception
     */
    public MigrationException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * What kind of failure this is.
     *
     * @return the code, never null
     */
    public ErrorCode code() {
        return code;
    }
}
