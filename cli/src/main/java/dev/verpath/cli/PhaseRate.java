package dev.verpath.cli;

import dev.verpath.engine.progress.ProgressPhase;
import java.util.Locale;
import java.util.Optional;

/**
 * How fast one phase goes: its rate and the time left, from the start of the phase to now. Immutable.
 *
 * @param phase   the phase
 * @param done    how much is done
 * @param total   how much it will do
 * @param seconds seconds since the phase started
 */
record PhaseRate(ProgressPhase phase, long done, long total, double seconds) {

    /** @return the share done, 0 to 100 (100 for an empty phase) */
    int percent() {
        return total == 0 ? 100 : (int) (done * 100 / total);
    }

    /** @return units a second, 0 until a moment has passed */
    double perSecond() {
        return seconds < 0.001 ? 0 : done / seconds;
    }

    /** @return the seconds left at this rate, when there is a rate to tell */
    Optional<Long> etaSeconds() {
        double rate = perSecond();
        return rate <= 0 ? Optional.empty() : Optional.of(Math.round((total - done) / rate));
    }

    /** @return e.g. {@code 42% (1.2 GiB of 2.9 GiB), 85.3 MiB/s, ETA 0:21} */
    String text() {
        boolean bytes = phase.unit() == ProgressPhase.Unit.BYTES;
        String amounts = bytes ? Units.bytes(done) + " of " + Units.bytes(total) : done + " of " + total + " entries";
        String rate = bytes ? Units.bytes(Math.round(perSecond())) + "/s"
                : String.format(Locale.ROOT, "%.0f entries/s", perSecond());
        return percent() + "% (" + amounts + "), " + rate + ", ETA " + etaSeconds().map(PhaseRate::clock).orElse("?");
    }

    /** @return {@code m:ss}, or {@code h:mm:ss} from an hour on */
    static String clock(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
