package dev.verpath.engine.plan;

import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressPhase;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Times the phases of a run whose speed an estimate needs ({@link ProgressPhase#HASHING}, {@link ProgressPhase#RECORDS},
 * {@link ProgressPhase#BACKUP}): from each phase's start to its end, with the bytes it did, summed over the run (a run
 * may make several record passes). Passes every call on to the listener it wraps. Phases of one run never overlap;
 * calls may come from a worker thread, so the counts are guarded.
 */
public final class RateMeter implements ProgressListener {

    /** What one phase did: bytes and nanoseconds, summed. */
    private static final class Spent {
        private long bytes;
        private long nanos;
        private long startedAt;
    }

    private final ProgressListener next;
    private final Map<ProgressPhase, Spent> spent = new EnumMap<>(ProgressPhase.class);

    /** @param next the listener told of every call, as without the meter */
    public RateMeter(ProgressListener next) {
        this.next = next;
    }

    @Override
    public void started(ProgressPhase phase, long total) {
        synchronized (spent) {
            spent.computeIfAbsent(phase, p -> new Spent()).startedAt = System.nanoTime();
        }
        next.started(phase, total);
    }

    @Override
    public void advanced(ProgressPhase phase, long done, long total) {
        next.advanced(phase, done, total);
    }

    @Override
    public void ended(ProgressPhase phase, long done, long total) {
        synchronized (spent) {
            Spent s = spent.get(phase);
            if (s != null && s.startedAt != 0) {
                s.nanos += System.nanoTime() - s.startedAt;
                s.bytes += done;
                s.startedAt = 0;
            }
        }
        next.ended(phase, done, total);
    }

    /**
     * What the run measured, once it ended.
     *
     * @param runMillis  the whole command so far, in milliseconds (the JVM's uptime: start-up included)
     * @param peakMemory the process's peak resident memory, in bytes (0 when unknown)
     * @return the sample
     */
    public RateSample sample(long runMillis, long peakMemory) {
        synchronized (spent) {
            RateSample.Phase hashing = phase(ProgressPhase.HASHING);
            RateSample.Phase records = phase(ProgressPhase.RECORDS);
            RateSample.Phase backup = phase(ProgressPhase.BACKUP);
            long measured = hashing.millis() + records.millis() + backup.millis();
            return new RateSample(hashing, records, backup, Math.max(0, runMillis - measured), peakMemory);
        }
    }

    private RateSample.Phase phase(ProgressPhase phase) {
        Spent s = spent.get(phase);
        return s == null ? new RateSample.Phase(0, 0) : new RateSample.Phase(s.bytes, s.nanos / 1_000_000);
    }

    /**
     * What this process has measured since it started: its age (from the process's start, so that the launcher script
     * that then runs Java in its place counts; the JVM's uptime where the system does not say), and its peak resident
     * memory where Linux says ({@code VmHWM} of {@code /proc/self/status}).
     *
     * @return the sample of the run so far
     */
    public RateSample sampleNow() {
        long age = ProcessHandle.current().info().startInstant()
                .map(started -> Duration.between(started, Instant.now()).toMillis())
                .filter(millis -> millis >= 0)
                .orElseGet(() -> ManagementFactory.getRuntimeMXBean().getUptime());
        return sample(age, peakMemory());
    }

    /** @return the process's peak resident memory in bytes; 0 when the system does not say */
    static long peakMemory() {
        return ProcField.bytes(Path.of("/proc/self/status"), "VmHWM:").orElse(0);
    }
}
