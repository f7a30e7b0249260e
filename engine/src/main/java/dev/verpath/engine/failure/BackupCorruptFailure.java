package dev.verpath.engine.failure;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A backup failed verification (a damaged or crafted archive, manifest or entry); nothing was restored from it.
 * Carries the file or folder found wrong. {@link ErrorCode#BACKUP_CORRUPT}. Immutable.
 */
public final class BackupCorruptFailure extends EnvironmentFailure {

    private static final long serialVersionUID = 1L;

    private final String where;

    /**
     * @param message one line: what is wrong, that nothing was restored, and what to do
     * @param where   the backup's file or folder that is wrong
     */
    public BackupCorruptFailure(String message, Path where) {
        super(ErrorCode.BACKUP_CORRUPT, message, null);
        this.where = Objects.requireNonNull(where, "where").toString();
    }

    /** @return the backup's file or folder that is wrong */
    public Path where() {
        return Path.of(where);
    }
}
