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
 * @param time         the expected duration of the whole command, start-up included
 * @param peakMemory   the process's expected peak resident memory, when a run on this machine measured it
 * @param basis        where the speeds come from: runs measured on this machine, or the defaults
 */
public record PlanEstimate(
        long bytesToRead,
        long bytesToWrite,
        long backupBytes,
        long diskNeeded,
        OptionalLong diskFree,
        Duration time,
        OptionalLong peakMemory,
        String basis) {

    /** Checks that nothing is null. */
    public PlanEstimate {
        Objects.requireNonNull(diskFree, "diskFree");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(peakMemory, "peakMemory");
        Objects.requireNonNull(basis, "basis");
    }

    /**
     * An estimate from the default speeds, without a peak memory.
     *
     * @param bytesToRead  bytes the rules and hashing will read
     * @param bytesToWrite bytes the rules will write
     * @param backupBytes  bytes the backup will take on disk
     * @param diskNeeded   the most extra space the run needs at once
     * @param diskFree     the free space of the installation's file system, when known
     * @param time         the expected duration
     */
    public PlanEstimate(long bytesToRead, long bytesToWrite, long backupBytes, long diskNeeded, OptionalLong diskFree,
                        Duration time) {
        this(bytesToRead, bytesToWrite, backupBytes, diskNeeded, diskFree, time, OptionalLong.empty(),
                MachineRates.NONE.basis());
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
