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
 * @param phases   how long each phase took ({@code prepare}, {@code shadow_run}, {@code backup}, {@code commit},
 *                 {@code record}), in run order; a dry run stops after the shadow run
 * @param steps    how long each step took ({@code 1.0.0->2.1.0}), in plan order; fused record passes count where
 *                 the history puts them
 * @param service  the hooks and health attempts that ran around the run, one line each, in order
 */
public record RunResult(
        MigrationPlan plan,
        boolean dryRun,
        List<FileChange> changes,
        List<RunWarning> warnings,
        SortedMap<String, Long> counters,
        Optional<String> backupId,
        Duration duration,
        Optional<RecoveredRun> recovered,
        Map<String, Duration> phases,
        Map<String, Duration> steps,
        List<ServiceEvent> service) {

    /** Copies the collections. */
    public RunResult {
        Objects.requireNonNull(plan, "plan");
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
        counters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(counters)));
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(recovered, "recovered");
        phases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phases));
        steps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(steps));
        service = List.copyOf(service);
    }

    /**
     * A result with no hooks around it.
     *
     * @param plan      the plan it ran
     * @param dryRun    true when nothing was written
     * @param changes   every file change
     * @param warnings  what rules warned about
     * @param counters  counts rules reported
     * @param backupId  the backup taken, when one was
     * @param duration  how long it took
     * @param recovered the interrupted migration restored before this run, when there was one
     * @param phases    how long each phase took
     * @param steps     how long each step took
     */
    public RunResult(MigrationPlan plan, boolean dryRun, List<FileChange> changes, List<RunWarning> warnings,
                     SortedMap<String, Long> counters, Optional<String> backupId, Duration duration,
                     Optional<RecoveredRun> recovered, Map<String, Duration> phases, Map<String, Duration> steps) {
        this(plan, dryRun, changes, warnings, counters, backupId, duration, recovered, phases, steps, List.of());
    }

    /** A result without phase and step times (a view test's). */
    public RunResult(MigrationPlan plan, boolean dryRun, List<FileChange> changes, List<RunWarning> warnings,
                     SortedMap<String, Long> counters, Optional<String> backupId, Duration duration,
                     Optional<RecoveredRun> recovered) {
        this(plan, dryRun, changes, warnings, counters, backupId, duration, recovered, Map.of(), Map.of());
    }

    /**
     * @param run the interrupted migration restored before this run
     * @return this result, saying so
     */
    public RunResult withRecovered(RecoveredRun run) {
        return new RunResult(plan, dryRun, changes, warnings, counters, backupId, duration, Optional.of(run), phases, steps,
                service);
    }

    /**
     * @param lines the hooks and health attempts that ran around the run (or, for a dry run, would run)
     * @return this result, with them
     */
    public RunResult withService(List<ServiceEvent> lines) {
        return new RunResult(plan, dryRun, changes, warnings, counters, backupId, duration, recovered, phases, steps, lines);
    }
}
