package dev.verpath.engine.service;

/** Told of each health attempt as it ends (progress lines, {@code --json}'s attempts). Called on the waiting thread. */
@FunctionalInterface
public interface HealthListener {

    /** A listener that ignores every attempt. */
    HealthListener NONE = (attempt, of) -> { };

    /**
     * @param attempt the attempt that just ended
     * @param of      how many attempts there are at most
     */
    void attempted(HealthAttempt attempt, int of);
}
