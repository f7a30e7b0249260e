package dev.verpath.engine.files;

import java.time.Instant;
import java.util.Optional;

/**
 * A process as a file that may outlive it names it: its pid, and its start time so that a later process given the
 * same pid is not taken for it. Immutable.
 *
 * @param pid   the process id
 * @param start its start time ({@link Instant#toString}), empty where it was not known
 */
public record ProcessName(long pid, Optional<String> start) {

    /** @return this process */
    public static ProcessName current() {
        ProcessHandle self = ProcessHandle.current();
        return new ProcessName(self.pid(), self.info().startInstant().map(Instant::toString));
    }

    /**
     * @return whether the process still runs: its pid is alive and was started at the recorded time (a start unknown
     *         on either side: the pid alone decides)
     */
    public boolean runs() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        Optional<String> began = process.get().info().startInstant().map(Instant::toString);
        return start.isEmpty() || began.isEmpty() || began.equals(start);
    }
}
