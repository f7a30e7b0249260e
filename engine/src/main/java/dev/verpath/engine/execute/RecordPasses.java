package dev.verpath.engine.execute;

import dev.verpath.engine.plan.PlanStep;
import dev.verpath.engine.plugin.LoadedRuleSet;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.records.RecordPipeline;
import dev.verpath.engine.records.RecordRun;
import dev.verpath.engine.records.RuleBug;
import dev.verpath.engine.records.RunReport;
import dev.verpath.engine.reuse.PassKey;
import dev.verpath.engine.reuse.PassOutputs;
import dev.verpath.engine.reuse.StepCache;
import dev.verpath.engine.validate.InstallationValidator;
import dev.verpath.engine.workspace.ShadowWorkspace;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The record passes of a plan: consecutive steps whose data rules are all record rules are fused into one
 * streaming pass ({@link RecordPipeline}), and a whole-file data rule is a barrier between passes. A pass also ends
 * at a step whose target version has a validation that reads record files, so that the validation after that step
 * sees the records of its version, written. Immutable.
 */
final class RecordPasses {

    private final List<PlanStep> steps;
    private final RuleRegistry registry;
    private final InstallationValidator validator;
    private final int threads;
    private final boolean checkRecords;
    private final int[] passEnd;
    private final int[] passStart;
    private final java.util.Map<Integer, Set<String>> globsByPassEnd = new java.util.HashMap<>();
    private final ProgressListener listener;
    private final StepCache kept;

    /**
     * @param steps     the plan's steps
     * @param registry  the loaded rules (to name plugins in messages)
     * @param validator gives each version's record checks
     * @param threads      how many threads migrate records
     * @param checkRecords whether each record is checked against its version's record checks as it leaves a step
     *                     ({@code [data_migration] validate_integrity})
     * @param listener     told how each pass goes ({@link dev.verpath.engine.progress.ProgressPhase#RECORDS})
     * @param endsPass     whether a pass must end at a step (its validation reads the record files)
     * @param kept         the outputs of earlier runs' passes, file by file ({@link StepCache#none()} for none)
     */
    RecordPasses(List<PlanStep> steps, RuleRegistry registry, InstallationValidator validator, int threads,
                 boolean checkRecords, ProgressListener listener, java.util.function.Predicate<PlanStep> endsPass,
                 StepCache kept) {
        this.kept = kept;
        this.steps = List.copyOf(steps);
        this.registry = registry;
        this.validator = validator;
        this.threads = threads;
        this.checkRecords = checkRecords;
        this.listener = listener;
        this.passEnd = new int[steps.size()];
        for (int i = steps.size() - 1; i >= 0; i--) {
            boolean fusable = steps.get(i).rules(RuleKind.DATA).stream().allMatch(r -> r instanceof RecordRule);
            boolean continues = i + 1 < steps.size() && passEnd[i + 1] >= 0 && !endsPass.test(steps.get(i));
            passEnd[i] = !fusable ? -1 : (continues ? passEnd[i + 1] : i);
        }
        this.passStart = new int[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            passStart[i] = i > 0 && passEnd[i] >= 0 && passEnd[i - 1] == passEnd[i] ? passStart[i - 1] : i;
        }
    }

    /**
     * The record passes of a run's plan, as the settings shape them: {@code [data_migration] threads} and
     * {@code validate_integrity}, and a pass ends where a step's validation reads record files.
     *
     * @param product   the plan's product
     * @param steps     the plan's steps
     * @param registry  the loaded rules
     * @param settings  the effective settings
     * @param validator gives each version's record checks
     * @param listener  told how each pass goes
     * @param kept      the outputs of earlier runs' passes
     * @return the passes
     */
    static RecordPasses of(String product, List<PlanStep> steps, RuleRegistry registry, dev.verpath.engine.settings.EngineSettings settings,
                           InstallationValidator validator, ProgressListener listener, StepCache kept) {
        return new RecordPasses(steps, registry, validator, settings.recordThreads(), settings.validateIntegrity(), listener,
                step -> settings.validateAfterMigration() && validator.readsRecordFiles(product, step.to()), kept);
    }

    /**
     * @param step a step's index
     * @return the steps of the pass the step belongs to, or empty where a whole-file data rule stands
     */
    Optional<List<PlanStep>> passOf(int step) {
        if (passEnd[step] < 0) {
            return Optional.empty();
        }
        return Optional.of(steps.subList(passStart[step], passEnd[step] + 1));
    }

    /**
     * @param step a step's index, in a pass
     * @return the path globs of the data rules of the step's pass, found once a pass (a plan of many steps without
     *         data rules is one pass, asked for at each of its steps)
     */
    Set<String> globsOfPass(int step) {
        return globsByPassEnd.computeIfAbsent(passEnd[step], end -> java.util.Collections.unmodifiableSet(
                globs(passOf(step).orElseThrow())));
    }

    /** @return the path globs of the pass that starts with the first step (none when no pass does) */
    Set<String> streamedFromStart() {
        return steps.isEmpty() ? Set.of() : passOf(0).map(RecordPasses::globs).orElse(Set.of());
    }

    /**
     * @param pass the steps of a pass
     * @return the path globs of their data rules: the files the pass streams
     */
    static Set<String> globs(List<PlanStep> pass) {
        Set<String> globs = new LinkedHashSet<>();
        pass.forEach(s -> s.rules(RuleKind.DATA).forEach(r -> globs.addAll(r.descriptor().paths())));
        return globs;
    }

    /**
     * Runs one pass over every record file its rules match.
     *
     * @param pass        the steps of the pass
     * @param run         the product, the flags and whether lossy steps are allowed
     * @param checkSource whether each record is also checked against the pass's source version as it is read
     * @param shadow      the shadow run
     * @param report      the run's report
     * @param progress    receives a line when the pass starts
     * @param activity    receives what is going on, for a timeout message
     * @throws IOException when a file cannot be read or written
     */
    void run(List<PlanStep> pass, RecordRun run, boolean checkSource, ShadowWorkspace shadow,
             RunReport report, Consumer<String> progress, Consumer<String> activity) throws IOException {
        List<RecordPipeline.Stage> stages = stages(pass, run.product());
        if (stages.stream().allMatch(s -> s.rules().isEmpty())) {
            return;
        }
        progress.accept("streaming records through " + pass.size() + " step(s) in one pass");
        List<String> plugins = pass.stream().flatMap(s -> s.rules(RuleKind.DATA).stream())
                .map(r -> registry.origin(r.descriptor().id()).orElse(LoadedRuleSet.BUILT_IN))
                .filter(o -> !o.equals(LoadedRuleSet.BUILT_IN)).distinct().sorted().toList();
        String pipeline = "record pipeline " + pass.get(0).from() + " -> " + pass.get(pass.size() - 1).to()
                + (plugins.isEmpty() ? "" : " with rules of " + String.join(", ", plugins));
        activity.accept("running the " + pipeline);
        try {
            Optional<RecordPipeline.Stage> source = source(pass, run.product(), checkSource);
            RecordPipeline records = new RecordPipeline(stages, run.lossyAllowed(), report, threads).forRun(run)
                    .keeping(new LiveReadOutputs(kept.forPass(key(stages, source, run), shadow::readable, shadow.hashes()),
                            shadow));
            if (source.isPresent()) {
                records = records.checkingSource(source.get().from(), source.get().checks());
            }
            records.run(shadow, listener);
        } catch (RuleFailure failure) {
            throw StepRunner.failed(failure, pipeline, shadow);
        } catch (RuleBug bug) {
            throw StepRunner.bug(bug, "rule " + bug.ruleId() + registry.origin(bug.ruleId())
                    .filter(o -> !o.equals(LoadedRuleSet.BUILT_IN)).map(o -> " of " + o).orElse(""), shadow);
        }
    }

    /**
     * The outputs a pass would find kept, for {@code migrate info}.
     *
     * @param pass        the steps of the pass
     * @param run         the product, the flags and whether lossy steps are allowed
     * @param checkSource whether each record is also checked against the pass's source version
     * @param readable    where each file's bytes are
     * @return the pass's outputs in the step cache
     */
    PassOutputs kept(List<PlanStep> pass, RecordRun run, boolean checkSource, java.util.function.Function<String,
            java.nio.file.Path> readable) {
        List<RecordPipeline.Stage> stages = stages(pass, run.product());
        return kept.forPass(key(stages, source(pass, run.product(), checkSource), run), readable,
                new dev.verpath.engine.files.HashCache());
    }

    private Optional<String> key(List<RecordPipeline.Stage> stages, Optional<RecordPipeline.Stage> source, RecordRun run) {
        List<Class<?>> ruleSets = registry.ruleSets().stream().<Class<?>>map(l -> l.ruleSet().getClass()).toList();
        return PassKey.of(stages, source, run, ruleSets, kept.code());
    }

    /** The pass's steps as the pipeline takes them: each step's record rules, and its target's checks when asked. */
    private List<RecordPipeline.Stage> stages(List<PlanStep> pass, String product) {
        List<RecordPipeline.Stage> stages = new ArrayList<>();
        for (PlanStep step : pass) {
            List<RecordRule> rules = step.rules(RuleKind.DATA).stream().map(RecordRule.class::cast).toList();
            stages.add(new RecordPipeline.Stage(step.from(), step.to(), rules,
                    checkRecords ? validator.recordChecks(product, step.to()) : List.of()));
        }
        return stages;
    }

    /** The source version's checks, when each record is checked against them as it is read. */
    private Optional<RecordPipeline.Stage> source(List<PlanStep> pass, String product, boolean checkSource) {
        String from = pass.get(0).from();
        List<RecordCheck> checks = checkSource ? validator.recordChecks(product, from) : List.of();
        return checks.isEmpty() ? Optional.empty() : Optional.of(new RecordPipeline.Stage(from, from, List.of(), checks));
    }
}
