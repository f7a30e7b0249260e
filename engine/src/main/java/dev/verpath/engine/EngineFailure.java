package dev.verpath.engine;

import dev.verpath.rules.Fault;
import dev.verpath.rules.MigrationException;
import java.util.Objects;

/**
 * A failure the engine itself reports, of one {@link ErrorCode}. Unchecked, immutable.
 */
public class EngineFailure extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * @param code    what kind of failure
     * @param message one line: what went wrong, naming the file and what to do
     */
    public EngineFailure(ErrorCode code, String message) {
        this(code, message, null);
    }

    /**
     * @param code    what kind of failure
     * @param message one line: what went wrong, naming the file and what to do
     * @param cause   the underlying exception, or null
     */
    public EngineFailure(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
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
