package dev.verpath.engine.backup;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of verifying one backup.
 *
 * @param backup  the backup
 * @param problem what is wrong (naming the file), or empty when every entry matches its manifest
 */
public record BackupCheck(BackupInfo backup, Optional<String> problem) {

    /** Checks that nothing is null. */
    public BackupCheck {
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(problem, "problem");
    }

    /** @return true when the backup verified */
    public boolean ok() {
        return problem.isEmpty();
    }
}
