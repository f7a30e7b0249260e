package dev.verpath.engine.failure;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A migration was interrupted (or its commit failed) and the installation must be recovered first, by
 * {@code migrate rollback} or by running {@code version} again. Carries the installation. {@link
 * ErrorCode#RECOVERY_NEEDED}. Immutable.
 */
public final class RecoveryNeededFailure extends EnvironmentFailure {

    private static final long serialVersionUID = 1L;

    private final String installation;

    /**
     * @param message      one line: what happened and what to run
     * @param installation the installation's root
     * @param cause        the underlying failure, or null
     */
    public RecoveryNeededFailure(String message, Path installation, Throwable cause) {
        super(ErrorCode.RECOVERY_NEEDED, message, cause);
        this.installation = Objects.requireNonNull(installation, "installation").toString();
    }

    /** @return the installation to recover */
    public Path installation() {
        return Path.of(installation);
    }
}
