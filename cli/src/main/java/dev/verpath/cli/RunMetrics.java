package dev.verpath.cli;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.validate.ValidationReport;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code --metrics-file FILE}: what one run of {@code version}, {@code config}, {@code data}, {@code models},
 * {@code rollback} or {@code validate} did, for Prometheus (through node_exporter's textfile collector), written
 * when the command ends, whether it succeeded or failed. Every sample carries {@code command}, {@code product},
 * {@code from} and {@code to} (empty when the command failed before it knew them). A command that changed or tried
 * to change the installation (not a dry run, not {@code validate}) also counts itself in {@link RunsCounter}.
 */
final class RunMetrics {

    private final Optional<Path> file;
    private final String command;
    private final long started = System.nanoTime();

    /**
     * Starts measuring.
     *
     * @param file    the {@code --metrics-file}, when given
     * @param command the command's name
     */
    RunMetrics(Optional<Path> file, String command) {
        this.file = file;
        this.command = command;
    }

    /** The labels every sample of a run carries. */
    record Subject(Optional<Path> installation, String product, String from, String to) {
    }

    /**
     * Writes the metrics of a migration or a rollback.
     *
     * @param subject what the run was about
     * @param outcome how it ended
     * @param result  the result, when it succeeded
     * @param engine  the engine, for the installation's backups
     * @param notices told when the file cannot be written
     */
    void run(Subject subject, Outcome outcome, Optional<RunResult> result, MigrationEngine engine, Consumer<String> notices) {
        if (file.isEmpty()) {
            return;
        }
        MetricSet set = common(subject, outcome);
        result.ifPresent(r -> {
            r.phases().forEach((phase, d) -> set.gauge("verpath_phase_duration_seconds", "How long each phase of the run"
                    + " took.", seconds(d), "phase", phase));
            r.steps().forEach((step, d) -> set.gauge("verpath_step_duration_seconds", "How long each step took (the"
                    + " history's figure).", seconds(d), "step", step));
            set.gauge("verpath_run_records_migrated", "Records the run's record passes migrated.",
                    r.counters().getOrDefault("records", 0L));
            set.gauge("verpath_run_files_changed", "Files the run changed (or, on a dry run, would change).",
                    r.changes().size());
        });
        List<BackupInfo> backups = subject.installation().flatMap(root -> backupsOf(engine, root)).orElse(List.of());
        result.flatMap(RunResult::backupId).flatMap(id -> backups.stream().filter(b -> b.id().equals(id)).findFirst())
                .ifPresent(b -> set.gauge("verpath_backup_size_bytes", "Bytes the run's backup takes on disk (hard"
                        + " links count zero).", b.sizeOnDisk()));
        backups.stream().max(Comparator.comparing(BackupInfo::created)).ifPresent(b -> set.gaugeAcrossRuns(
                "verpath_newest_backup_timestamp_seconds", "When the installation's newest backup was taken.",
                b.created().getEpochSecond()));
        boolean counts = result.map(r -> !r.dryRun()).orElse(true);
        write(set, subject, outcome, counts, notices);
    }

    /**
     * Writes the metrics of {@code validate}: findings by category and severity.
     *
     * @param subject the installation checked
     * @param outcome how it ended
     * @param report  the findings, when the validation ran
     * @param notices told when the file cannot be written
     */
    void validation(Subject subject, Outcome outcome, Optional<ValidationReport> report, Consumer<String> notices) {
        if (file.isEmpty()) {
            return;
        }
        MetricSet set = common(subject, outcome);
        report.ifPresent(r -> {
            for (ValidationCategory category : ValidationCategory.values()) {
                for (Severity severity : Severity.values()) {
                    long count = r.findings().stream().filter(f -> f.category() == category && f.severity() == severity)
                            .count();
                    set.gauge("verpath_validation_findings", "Findings of the validation by category and severity.",
                            count, "category", category.name().toLowerCase(Locale.ROOT), "severity",
                            severity.name().toLowerCase(Locale.ROOT));
                }
            }
        });
        write(set, subject, outcome, false, notices);
    }

    private MetricSet common(Subject subject, Outcome outcome) {
        MetricSet set = new MetricSet("command", command, "product", subject.product(), "from", subject.from(),
                "to", subject.to());
        ProcessUsage usage = ProcessUsage.now();
        set.gauge("verpath_run_outcome", "1 for how the run ended (the outcome of its --json result).", 1,
                "outcome", outcome.label());
        set.gauge("verpath_run_success", "1 when the run did what was asked (outcome completed or dry-run), else 0.",
                outcome == Outcome.COMPLETED || outcome == Outcome.DRY_RUN ? 1 : 0);
        set.gauge("verpath_run_duration_seconds", "How long the run took.",
                seconds(Duration.ofNanos(System.nanoTime() - started)));
        set.gauge("verpath_run_end_timestamp_seconds", "When the run ended.", Instant.now().getEpochSecond());
        set.gauge("verpath_run_cpu_seconds", "CPU time of the run's process.", seconds(usage.cpu()));
        set.gauge("verpath_run_peak_memory_bytes", "Peak resident memory of the run's process.", usage.peakMemory());
        usage.bytesRead().ifPresent(b -> set.gauge("verpath_run_read_bytes", "Bytes the run's process read.", b));
        usage.bytesWritten().ifPresent(b -> set.gauge("verpath_run_written_bytes", "Bytes the run's process wrote.", b));
        return set;
    }

    private void write(MetricSet set, Subject subject, Outcome outcome, boolean counts, Consumer<String> notices) {
        try {
            Optional<Path> state = subject.installation().map(root -> Installation.at(root).stateFolder());
            Optional<RunsCounter> runs = counts && state.isPresent()
                    ? Optional.of(RunsCounter.count(state.get(), outcome, Instant.now())) : state.map(RunsCounter::read);
            runs.ifPresent(r -> {
                r.runs().forEach((label, n) -> set.counter("verpath_runs", "Runs of the installation by outcome, across"
                        + " runs (.migrate/runs.json).", n, "outcome", label));
                r.lastSuccess().ifPresent(t -> set.gaugeAcrossRuns("verpath_last_success_timestamp_seconds", "When the last run"
                        + " that completed ended.", t.getEpochSecond()));
            });
            set.writeTo(file.get());
        } catch (IOException | RuntimeException e) {
            notices.accept("migrate: cannot write the metrics file " + Invocation.display(file.get()) + " ("
                    + e.getMessage() + "); the command's own result stands; fix the folder and run again");
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    /** The installation's backups; none when they cannot be listed (the metrics then leave the backup figures out). */
    private static Optional<List<BackupInfo>> backupsOf(MigrationEngine engine, Path root) {
        try {
            return Optional.of(engine.backups(root));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
