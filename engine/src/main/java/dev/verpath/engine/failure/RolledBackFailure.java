package dev.verpath.engine.failure;

/**
 * A migration's commit failed part-way and the run's backup was restored at once, so the installation is as it
 * was before the run; carries the backup restored. {@link ErrorCode#IO_FAILED}. Immutable.
 */
public final class RolledBackFailure extends EnvironmentFailure {

    private static final long serialVersionUID = 1L;

    private final String backupId;

    /**
     * @param message  one line: what failed, that the backup was restored, and what to do
     * @param backupId the backup restored
     * @param cause    why the commit failed
     */
    public RolledBackFailure(String message, String backupId, Throwable cause) {
        super(message, cause);
        this.backupId = java.util.Objects.requireNonNull(backupId, "backupId");
    }

    /** @return the id of the backup that was restored */
    public String backupId() {
        return backupId;
    }
}
