package dev.verpath.engine.validate;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code migrate validate --repair} did about one file whose content differs from its record. Immutable.
 *
 * @param path     the file, relative to the installation root
 * @param repaired true when the file now has the recorded content
 * @param backupId the backup the copy came from, when it was restored
 * @param message  what was done, or why it could not be (one sentence)
 */
public record Repair(String path, boolean repaired, Optional<String> backupId, String message) {

    /** Checks that nothing is null. */
    public Repair {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(message, "message");
    }
}
