package dev.verpath.engine.plan;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a plan will cost on one installation.
 *
 * @param bytesToRead  bytes the rules and hashing will read
 * @param bytesToWrite bytes the rules will write
 * @param backupBytes  bytes the backup will take on disk
 * @param diskNeeded   the most extra space the run needs at once (new files and backup)
 * @param diskFree     the free space of the installation's file system, when known
 * @param time         the expected duration
 */
public record PlanEstimate(
        long bytesToRead,
        long bytesToWrite,
        long backupBytes,
        long diskNeeded,
        OptionalLong diskFree,
        Duration time) {

    /** Checks that nothing is null. */
    public PlanEstimate {
        Objects.requireNonNull(diskFree, "diskFree");
        Objects.requireNonNull(time, "time");
    }

    /**
     * Whether the free space covers the need; true when the free space is unknown.
     *
     * @return true when it fits
     */
    public boolean fits() {
        return diskFree.isEmpty() || diskFree.getAsLong() >= diskNeeded;
    }
}
