package dev.verpath.engine.execute;

import dev.verpath.engine.files.CrashPoints;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.journal.HistoryEntry;
import dev.verpath.engine.model.FileChange;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.records.RunReport;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.validate.ReadOnlyView;
import dev.verpath.engine.validate.SourceValidation;
import dev.verpath.engine.workspace.ChangeList;
import dev.verpath.engine.workspace.LiveTree;
import dev.verpath.engine.workspace.ShadowWorkspace;
import dev.verpath.rules.RuleKind;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Phase 2 of a run, the shadow run: every rule of every step works on the {@link ShadowWorkspace}, never on the
 * live tree. Hashes the weights once when the run needs their hashes, validates the source (its errors stop the
 * run before the backup), runs the steps ({@link StepSequence}), and lists the changes. A failure here leaves
 * every live byte as it was.
 */
final class ShadowRunPhase {

    /**
     * What the shadow run hands on.
     *
     * @param entries one history entry per step
     * @param changes the changes the commit would make, in path order
     */
    record Outcome(List<HistoryEntry> entries, List<FileChange> changes) {
    }

    private final RuleRegistry registry;
    private final EngineSettings settings;
    private final StepSequence steps;
    private final RecordPasses passes;
    private final ProgressListener listener;

    /**
     * @param registry the loaded rules
     * @param settings the effective settings
     * @param steps    runs the steps
     * @param passes   the record passes of the plan (the first leaves some source checks out)
     */
    ShadowRunPhase(RuleRegistry registry, EngineSettings settings, StepSequence steps, RecordPasses passes,
                   ProgressListener listener) {
        this.registry = registry;
        this.settings = settings;
        this.steps = steps;
        this.passes = passes;
        this.listener = listener;
    }

    /**
     * @param run      the run
     * @param live     the live tree as scanned
     * @param shadow   the shadow workspace over it
     * @param hashes   the run's weight hashes
     * @param report   collects warnings and counters
     * @param progress receives a line per event
     * @param activity receives what is going on, for a timeout message
     * @return the history entries and the changes
     * @throws IOException when a file cannot be read or written
     */
    Outcome run(ResolvedRun run, LiveTree live, ShadowWorkspace shadow, HashCache hashes, RunReport report,
                Consumer<String> progress, Consumer<String> activity) throws IOException {
        prehash(run, live, hashes, listener);
        Optional<SourceValidation> source = validateSource(run, shadow, progress, activity);
        CrashPoints.pause("steps-start");
        List<HistoryEntry> entries = steps.run(run, shadow, report, line -> {
            activity.accept(line);
            progress.accept(line);
        }, activity);
        source.ifPresent(s -> s.require(shadow.pending().keySet()));
        return new Outcome(entries, ChangeList.of(shadow, run.dryRun()));
    }

    /**
     * Hashes the weight files once, on every core, when the run will need their hashes: model rules record
     * them in metadata and the backup manifest records them. Rules, backup and validation then hit the cache.
     */
    private static void prehash(ResolvedRun run, LiveTree live, HashCache hashes, ProgressListener listener)
            throws IOException {
        boolean modelRules = run.scope().runs(RuleKind.MODEL)
                && run.plan().steps().stream().anyMatch(s -> !s.rules(RuleKind.MODEL).isEmpty());
        if (modelRules || run.backup().take()) {
            hashes.hashAll(live.entries().entrySet().stream()
                    .filter(e -> e.getValue().type() == LiveTree.Type.FILE && run.files().isWeight(e.getKey()))
                    .map(e -> e.getValue().real()).toList(), listener);
        }
    }

    /**
     * Validates the source before the first write, for {@code version}. Record files the first record pass
     * streams are left out: every record is read there anyway, and an error in a file the migration rewrites
     * would not stop it (see {@link SourceValidation}).
     */
    private Optional<SourceValidation> validateSource(ResolvedRun run, ShadowWorkspace shadow, Consumer<String> progress,
                                                      Consumer<String> activity) throws IOException {
        if (run.scope() != Scope.VERSION || run.plan().steps().isEmpty()) {
            return Optional.empty();
        }
        activity.accept("validating the source");
        return Optional.of(SourceValidation.check(registry, settings,
                new ReadOnlyView(shadow, run.runs(RuleKind.DATA) ? passes.streamedFromStart() : Set.of()),
                run.installation().root(), Set.of(run.backup().folder()), run.plan().product(), run.plan().from(), progress));
    }
}
