package dev.verpath.engine.model;

import java.util.Objects;

/**
 * An interrupted migration that a command recovered (restored from its backup) before doing its own work.
 *
 * @param backupId the backup restored
 * @param from     the interrupted migration's source version (the installation's version after the restore)
 * @param to       the version it was aiming at
 */
public record RecoveredRun(String backupId, String from, String to) {

    /** Checks that nothing is null. */
    public RecoveredRun {
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
