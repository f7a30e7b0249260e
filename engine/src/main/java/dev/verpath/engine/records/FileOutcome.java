package dev.verpath.engine.records;

import dev.verpath.engine.model.RunWarning;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a record pass produced for one file besides its bytes: what a kept output must give back for its reuse to be
 * the same as migrating the file again. Immutable.
 *
 * @param records      how many records went through (blank lines not counted)
 * @param bytesRead    bytes of the file as read
 * @param bytesWritten bytes of the file as written
 * @param warnings     the warnings the rules and the source checks reported on the file, in their order
 * @param counters     what the rules added to the run's counters
 */
public record FileOutcome(long records, long bytesRead, long bytesWritten, List<RunWarning> warnings,
                          SortedMap<String, Long> counters) {

    /** Copies the lists. */
    public FileOutcome {
        warnings = List.copyOf(warnings);
        counters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(counters, "counters")));
    }

    /**
     * Adds the warnings and counters to a run's report, in their order.
     *
     * @param report the run's report
     */
    void replayInto(RunReport report) {
        warnings.forEach(w -> report.forRule(w.ruleId()).warn(w.path(), w.message()));
        counters.forEach(report::count);
    }
}
