package dev.verpath.engine.model;

import dev.verpath.engine.plan.MigrationPlan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a migration did (or, on a dry run, would do).
 *
 * @param plan     the plan it ran
 * @param dryRun   true when nothing was written
 * @param changes  every file change, sorted by path
 * @param warnings what rules warned about, in run order
 * @param counters counts rules reported (records, bytes saved, ...), sorted by name
 * @param backupId the backup taken before the first write, when one was
 * @param duration how long it took
 * @param recovered the interrupted migration restored before this run, when there was one
 */
public record RunResult(
        MigrationPlan plan,
        boolean dryRun,
        List<FileChange> changes,
        List<RunWarning> warnings,
        SortedMap<String, Long> counters,
        Optional<String> backupId,
        Duration duration,
        Optional<RecoveredRun> recovered) {

    /** Copies the collections. */
    public RunResult {
        Objects.requireNonNull(plan, "plan");
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
        counters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(counters)));
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(recovered, "recovered");
    }

    /**
     * @param run the interrupted migration restored before this run
     * @return this result, saying so
     */
    public RunResult withRecovered(RecoveredRun run) {
        return new RunResult(plan, dryRun, changes, warnings, counters, backupId, duration, Optional.of(run));
    }
}
