package dev.verpath.engine.plan;

/**
 * What one successful run measured on this machine: the bytes and time of its hashing, record and backup phases, the
 * rest of its time (start-up, planning, checks, the commit: the overhead) and its peak memory.
 *
 * @param hashing        hashing the weight files
 * @param records        the record passes (read, migrate, check, write)
 * @param backup         taking the backup
 * @param overheadMillis the command's time outside those phases, start-up included
 * @param peakMemory     the process's peak resident memory in bytes, 0 when unknown
 */
public record RateSample(Phase hashing, Phase records, Phase backup, long overheadMillis, long peakMemory) {

    /**
     * One phase.
     *
     * @param bytes  bytes it did
     * @param millis milliseconds it took
     */
    public record Phase(long bytes, long millis) {

        /** The least a phase must do for its speed to count: a few files' worth, not a moment's. */
        static final long MEANINGFUL_BYTES = 1L << 20;

        /** @return its speed in bytes per second, when it did enough to say; 0 otherwise */
        public long bytesPerSecond() {
            return bytes < MEANINGFUL_BYTES ? 0 : bytes * 1000 / Math.max(1, millis);
        }
    }
}
