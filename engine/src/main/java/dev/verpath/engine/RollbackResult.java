package dev.verpath.engine;

import java.util.Objects;

/**
 * What a rollback restored.
 *
 * @param backupId      the backup restored
 * @param entries       how many files, folders and links were restored
 * @param version       the version the installation is at afterwards
 */
public record RollbackResult(String backupId, int entries, String version) {

    /** Checks that nothing is null. */
    public RollbackResult {
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(version, "version");
    }
}
