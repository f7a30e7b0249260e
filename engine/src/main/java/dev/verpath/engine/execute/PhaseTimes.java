package dev.verpath.engine.execute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** How long each phase of one run took, in run order: each mark closes the phase since the previous one. */
final class PhaseTimes {

    private final Clock clock;
    private final Map<String, Duration> phases = new LinkedHashMap<>();
    private Instant last;

    PhaseTimes(Clock clock, Instant started) {
        this.clock = clock;
        this.last = started;
    }

    /** Ends the named phase now. */
    synchronized void mark(String phase) {
        Instant now = clock.instant();
        phases.merge(phase, Duration.between(last, now), Duration::plus);
        last = now;
    }

    /** @return each phase and its duration, in run order */
    synchronized Map<String, Duration> phases() {
        return new LinkedHashMap<>(phases);
    }
}
