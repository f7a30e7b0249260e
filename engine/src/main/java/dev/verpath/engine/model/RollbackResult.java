package dev.verpath.engine.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a rollback restored.
 *
 * @param backupId      the backup restored
 * @param entries       how many files, folders and links were restored
 * @param version       the version the installation is at afterwards
 * @param recovered     the interrupted migration this rollback undid, when there was one
 */
public record RollbackResult(String backupId, int entries, String version, Optional<RecoveredRun> recovered) {

    /** Checks that nothing is null. */
    public RollbackResult {
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(recovered, "recovered");
    }
}
