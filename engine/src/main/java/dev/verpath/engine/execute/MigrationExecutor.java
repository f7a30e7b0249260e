package dev.verpath.engine.execute;

import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.failure.RecoveryNeededFailure;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.CommitSection;
import dev.verpath.engine.files.CrashPoints;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.ProductFiles;
import dev.verpath.engine.journal.History;
import dev.verpath.engine.journal.HistoryEntry;
import dev.verpath.engine.journal.Journal;
import dev.verpath.engine.journal.RuleChecksum;
import dev.verpath.engine.model.FileChange;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plan.MigrationPlan;
import dev.verpath.engine.plan.PlanStep;
import dev.verpath.engine.plugin.LoadedRuleSet;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.records.RecordRun;
import dev.verpath.engine.records.RunReport;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.validate.InstallationValidator;
import dev.verpath.engine.validate.ProblemList;
import dev.verpath.engine.validate.ReadOnlyView;
import dev.verpath.engine.validate.SourceValidation;
import dev.verpath.engine.workspace.ChangeList;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.engine.workspace.LiveTree;
import dev.verpath.engine.workspace.ShadowCommit;
import dev.verpath.engine.workspace.ShadowWorkspace;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.RuleKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs a plan as a shadow run: every rule of every step works on a {@link ShadowWorkspace}, each step is
 * validated there, and only when the last step has passed is the live tree touched, after a backup and under
 * the journal. A failing rule or validation therefore leaves every byte as it was. A dry run is the same run
 * without the commit.
 */
public final class MigrationExecutor {

    private final RuleRegistry registry;
    private final EngineSettings settings;
    private final Clock clock;
    private final InstallationValidator validator;

    /**
     * @param registry the loaded rules
     * @param settings the effective settings
     * @param clock    the clock for history and backup names
     */
    public MigrationExecutor(RuleRegistry registry, EngineSettings settings, Clock clock) {
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
        this.validator = new InstallationValidator(registry, settings.maxRecordBytes());
    }

    /**
     * Runs (or dry-runs) a plan. Unless it is a dry run, the caller holds the installation lock and has dealt
     * with any interrupted migration's journal.
     *
     * @param request  what was asked
     * @param plan     the plan
     * @param target   where
     * @param progress receives one line per event
     * @return what changed
     */
    public RunResult run(RunRequest request, MigrationPlan plan, RunTarget target, Consumer<String> progress) {
        Instant started = clock.instant();
        // read before anything runs, so a setting that is not a number stops the run at once
        long keepFree = settings.keepFreeBytes();
        RecordPasses passes = new RecordPasses(plan.steps(), registry, validator, settings.recordThreads(),
                settings.validateIntegrity(), step -> settings.validateAfterMigration()
                && validator.readsRecordFiles(plan.product(), step.to()));
        Installation installation = target.installation();
        Path state = installation.stateFolder();
        Path backupFolder = settings.backupDir().orElse(state.resolve("backups")).toAbsolutePath().normalize();
        HashCache hashes = new HashCache();
        ProductFiles files = registry.files(plan.product());
        try {
            if (!request.dryRun()) {
                deleteTree(state.resolve("staging"));
            }
            LiveTree live = LiveTree.scan(target.mounts(), Set.of(backupFolder));
            if (request.scope() != Scope.VERSION) {
                // version refuses such a link in its source validation, naming the check; the sub-commands validate
                // only what they change, so they refuse it here rather than skip it
                refuseLinksOutside(live, installation.root());
            }
            if (!request.dryRun() && !plan.steps().isEmpty()) {
                Preflight.wholeRun(plan, live, state.resolve("staging"), backupFolder, keepFree,
                        request.backup() && settings.backupBeforeMigration(), linkedWeights(files));
            }
            Path staging = request.dryRun() ? Files.createTempDirectory("verpath-dry-run-")
                    : state.resolve("staging").resolve(Long.toString(started.toEpochMilli()));
            try {
                ShadowWorkspace shadow = new ShadowWorkspace(live, staging, !request.dryRun(), hashes, files);
                RunReport report = new RunReport();
                Deadline deadline = new Deadline(settings.timeoutSeconds());
                Prepared prepared = deadline.run(activity -> {
                    prehash(plan, request, live, hashes, files);
                    // Validation of the source before the first write: its errors stop the run before the backup.
                    Optional<SourceValidation> source = Optional.empty();
                    if (request.scope() == Scope.VERSION && !plan.steps().isEmpty()) {
                        activity.set("validating the source");
                        // Record files the first record pass streams are left out: every record is read there anyway,
                        // and an error in a file the migration rewrites would not stop it (see SourceValidation).
                        source = Optional.of(SourceValidation.check(registry, settings,
                                new ReadOnlyView(shadow, enabled(request.scope(), RuleKind.DATA)
                                        ? passes.streamedFromStart() : Set.of()),
                                installation.root(), Set.of(backupFolder), plan.product(), plan.from(), progress));
                    }
                    CrashPoints.pause("steps-start");
                    List<HistoryEntry> entries = runSteps(request, plan, installation, shadow, report, passes, line -> {
                        activity.set(line);
                        progress.accept(line);
                    }, activity::set);
                    source.ifPresent(s -> s.require(shadow.pending().keySet()));
                    List<FileChange> changes = ChangeList.of(shadow, request.dryRun());
                    if (request.dryRun()) {
                        return new Prepared(entries, changes, Optional.empty());
                    }
                    Preflight.permissions(live, shadow);
                    Optional<BackupInfo> backup = Optional.empty();
                    if (request.backup() && settings.backupBeforeMigration() && !changes.isEmpty()) {
                        Preflight.space(live, backupFolder, keepFree, linkedWeights(files));
                        activity.set("backing up " + live.files().size() + " file(s)");
                        progress.accept("backing up " + live.files().size() + " file(s) to " + backupFolder);
                        CrashPoints.pause("backup-start");
                        backup = Optional.of(new BackupStore(backupFolder, clock, settings.value("backup.mode").orElse("auto"),
                                settings.backupWeights()).create(live, plan.product(), files, plan.from(), plan.to(), hashes));
                        if (backup.get().linkedFiles() > 0) {
                            progress.accept("note: " + backup.get().linkedFiles() + " weight file(s) are hard-linked into the backup:"
                                    + " it protects against this migration, not against later in-place writes to them (cp over a"
                                    + " weight file changes the backup too); [backup] weights = copy keeps copies");
                        }
                    }
                    Optional<String> changed = live.changedSinceScan();
                    if (changed.isPresent()) {
                        throw new EnvironmentFailure(changed.get() + ": changed while the migration read it;"
                                + " the installation is unchanged; stop whatever writes to it and run again");
                    }
                    return new Prepared(entries, changes, backup);
                }, shadow::fence);
                if (request.dryRun()) {
                    progress.accept("dry run: " + prepared.changes().size() + " change(s) would be made; nothing was written");
                    return result(plan, true, prepared.changes(), report, Optional.empty(), started);
                }
                if (!shadow.pending().isEmpty() || !prepared.entries().isEmpty()) {
                    // a run with nothing to apply (already at the target) writes no journal a crash could leave behind
                    commit(installation, plan, shadow, prepared.backup(), backupFolder, prepared.entries(), progress);
                }
                prepared.backup().ifPresent(b -> BackupStore.recordStats(b.folder(), clock.instant()));
                return result(plan, false, prepared.changes(), report, prepared.backup().map(BackupInfo::id), started);
            } finally {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new EnvironmentFailure(AtomicFiles.outOfSpace(e)
                    ? e.getMessage() + "; the disk is full, the installation is unchanged; free space there and run again"
                    : e.getMessage() + "; the installation is unchanged", e);
        }
    }

    /**
     * Refuses every symbolic link of the tree that points outside the installation, naming each (up to
     * {@link ProblemList#SHOWN}), so that one run tells the operator every link to fix.
     */
    private static void refuseLinksOutside(LiveTree live, Path root) throws IOException {
        List<LiveTree.Entry> escaping = live.linksOutside(root);
        if (escaping.isEmpty()) {
            return;
        }
        List<String> named = new ArrayList<>();
        for (LiveTree.Entry link : escaping) {
            named.add(link.real() + ": symbolic link points outside the installation, to " + Files.readSymbolicLink(link.real()));
        }
        throw new InputFailure(ErrorCode.VALIDATION_FAILED, ProblemList.of(named, "symbolic links that point outside the"
                + " installation") + "; nothing was changed; replace " + (named.size() == 1 ? "the link" : "each link")
                + " with a copy of what it points to, or point it at a path inside " + root);
    }

    /**
     * Hashes the weight files once, on every core, when the run will need their hashes: model rules record
     * them in metadata and the backup manifest records them. Rules, backup and validation then hit the cache.
     */
    private void prehash(MigrationPlan plan, RunRequest request, LiveTree live, HashCache hashes, ProductFiles files)
            throws IOException {
        boolean modelRules = request.scope().runs(RuleKind.MODEL)
                && plan.steps().stream().anyMatch(s -> !s.rules(RuleKind.MODEL).isEmpty());
        boolean backup = !request.dryRun() && request.backup() && settings.backupBeforeMigration();
        if (modelRules || backup) {
            hashes.hashAll(live.entries().entrySet().stream()
                    .filter(e -> e.getValue().type() == LiveTree.Type.FILE && files.isWeight(e.getKey()))
                    .map(e -> e.getValue().real()).toList());
        }
    }

    /** What the shadow phase hands to the commit. */
    private record Prepared(List<HistoryEntry> entries, List<FileChange> changes, Optional<BackupInfo> backup) {
    }

    /**
     * @param files the roles of the product's files
     * @return the roles whose weights the backup keeps without copying their bytes (hard links or clones), or
     *         {@link ProductFiles#NONE} when it copies them
     */
    private ProductFiles linkedWeights(ProductFiles files) {
        String mode = settings.value("backup.mode").orElse("auto");
        return mode.equals("hardlink") || mode.equals("auto") && !settings.backupWeights().equals("copy") ? files
                : ProductFiles.NONE;
    }

    private RunResult result(MigrationPlan plan, boolean dryRun, List<FileChange> changes, RunReport report,
                             Optional<String> backupId, Instant started) {
        return new RunResult(plan, dryRun, changes, report.warnings(), report.counters(), backupId,
                Duration.between(started, clock.instant()), Optional.empty());
    }

    private List<HistoryEntry> runSteps(RunRequest request, MigrationPlan plan, Installation installation,
                                        ShadowWorkspace shadow, RunReport report, RecordPasses passes,
                                        Consumer<String> progress, Consumer<String> activity) throws IOException {
        Map<String, String> flags = new TreeMap<>();
        registry.flags().forEach(f -> flags.put(f.name(), settings.flag(f).value()));
        boolean optimize = request.optimize() || settings.optimizeModels();
        List<PlanStep> steps = plan.steps();
        int historyBase = History.in(installation.stateFolder()).read().size();
        List<HistoryEntry> entries = new ArrayList<>();
        StepValidation validation = new StepValidation(registry, settings, validator, this::ruleName, installation.root());
        for (int i = 0; i < steps.size(); i++) {
            PlanStep step = steps.get(i);
            Instant stepStarted = clock.instant();
            progress.accept("step " + (i + 1) + "/" + steps.size() + ": " + step.from() + " -> " + step.to());
            String stepText = "step " + (i + 1) + "/" + steps.size() + " (" + step.from() + " -> " + step.to() + ")";
            // optimization deduplicates the final tree once: earlier steps' links would be counted again
            boolean optimizeHere = optimize && i == steps.size() - 1;
            StepRunner runner = new StepRunner(shadow, report, new RecordRun(plan.product(), flags, request.allowLossy(),
                    settings.maxRecordBytes()), step, optimizeHere,
                    this::ruleName, what -> activity.accept(what + " in " + stepText));
            List<MigrationRule> ran = new ArrayList<>();
            if (enabled(request.scope(), RuleKind.CONFIG)) {
                ran.addAll(runner.fileRules(step.rules(RuleKind.CONFIG)));
            }
            Set<String> streamedGlobs = new LinkedHashSet<>();
            if (enabled(request.scope(), RuleKind.DATA)) {
                Optional<List<PlanStep>> pass = passes.passOf(i);
                if (pass.isPresent()) {
                    if (pass.get().get(0) == step) {
                        // the first pass also checks each record against the source, which the source validation left to it
                        boolean checkSource = i == 0 && request.scope() == Scope.VERSION && settings.validateBeforeMigration();
                        passes.run(pass.get(), new RecordRun(plan.product(), flags, request.allowLossy(), settings.maxRecordBytes()), checkSource, shadow,
                                report, progress, activity);
                    }
                    ran.addAll(step.rules(RuleKind.DATA));
                    if (pass.get().get(pass.get().size() - 1) != step) {
                        // inside a pass the files on disk are already further along; at its end they are this step's
                        streamedGlobs.addAll(RecordPasses.globs(pass.get()));
                    }
                } else {
                    ran.addAll(runner.dataRules(step.rules(RuleKind.DATA)));
                }
            }
            if (enabled(request.scope(), RuleKind.MODEL)) {
                ran.addAll(runner.fileRules(step.rules(RuleKind.MODEL)));
            }
            if (request.scope() == Scope.VERSION) {
                shadow.writeString(Installation.VERSION_FILE, installation.versionFileText(plan.product(), step.to()));
            }
            if (settings.validateAfterMigration()) {
                validation.after(plan.product(), step, shadow, streamedGlobs, report);
            }
            TreeMap<String, String> sums = new TreeMap<>();
            ran.forEach(r -> sums.put(r.descriptor().id(), RuleChecksum.of(r)));
            entries.add(new HistoryEntry(historyBase + i + 1, plan.product(), request.scope().name().toLowerCase(),
                    step.from(), step.to(), sums, stepStarted, Duration.between(stepStarted, clock.instant()), "success"));
        }
        return entries;
    }

    private boolean enabled(Scope scope, RuleKind kind) {
        if (!scope.runs(kind)) {
            return false;
        }
        return switch (kind) {
            case CONFIG -> settings.configRulesEnabled();
            case DATA -> settings.dataRulesEnabled();
            case MODEL -> settings.modelRulesEnabled();
        };
    }

    /** A rule as messages name it: {@code rule <id>}, followed by {@code of plugin <id>@<version>} for a plugin's. */
    private String ruleName(String ruleId) {
        return "rule " + ruleId + registry.origin(ruleId).filter(o -> !o.equals(LoadedRuleSet.BUILT_IN)).map(o -> " of " + o).orElse("");
    }

    private void commit(Installation installation, MigrationPlan plan, ShadowWorkspace shadow, Optional<BackupInfo> backup,
                        Path backupFolder, List<HistoryEntry> entries, Consumer<String> progress) throws IOException {
        CommitSection.enter();
        try {
            commitUnderSection(installation, plan, shadow, backup, backupFolder, entries, progress);
        } finally {
            CommitSection.exit();
        }
    }

    private void commitUnderSection(Installation installation, MigrationPlan plan, ShadowWorkspace shadow,
                                    Optional<BackupInfo> backup, Path backupFolder, List<HistoryEntry> entries,
                                    Consumer<String> progress) throws IOException {
        Path state = installation.stateFolder();
        Journal journal = Journal.in(state);
        journal.begin(new Journal.Intent(backup.map(BackupInfo::id), plan.product(), plan.from(), plan.to(), clock.instant().toString(),
                shadow.pending().size()));
        progress.accept("committing " + shadow.pending().size() + " change(s)");
        ShadowCommit shadowCommit = new ShadowCommit(shadow);
        try {
            shadowCommit.apply();
        } catch (IOException | RuntimeException e) {
            throw FailedCommit.handle(installation, backup, backupFolder, settings.rollbackOnFailure(), clock, e, progress);
        }
        shadowCommit.owners().note("migrate").ifPresent(progress);
        try {
            if (!entries.isEmpty()) {
                History.in(state).append(entries);
            }
            journal.end();
        } catch (IOException e) {
            // the live tree is migrated; only the record of it is incomplete, and the journal still says so
            throw new RecoveryNeededFailure("the changes were applied, but " + state
                    + " could not be updated (" + e.getMessage() + "); free space or fix its permissions, then run"
                    + " 'migrate rollback --path " + installation.root() + "' to restore the backup and migrate again",
                    installation.root(), e);
        }
    }

    private static void deleteTree(Path folder) {
        try {
            AtomicFiles.deleteTree(folder);
        } catch (IOException e) {
            // a leftover staging folder is removed by the next run
        }
    }
}
