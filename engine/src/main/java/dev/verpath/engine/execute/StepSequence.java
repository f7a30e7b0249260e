package dev.verpath.engine.execute;

import dev.verpath.engine.journal.History;
import dev.verpath.engine.journal.HistoryEntry;
import dev.verpath.engine.journal.RuleChecksum;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.log.LogFields;
import dev.verpath.engine.log.PluginLogger;
import dev.verpath.engine.plan.PlanStep;
import dev.verpath.engine.plan.RiskResult;
import dev.verpath.engine.plugin.LoadedRuleSet;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.records.RunReport;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.validate.InstallationValidator;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.engine.workspace.ShadowWorkspace;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.RuleKind;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a plan, in order, on the shadow workspace: per step its config rules, its data rules (record
 * rules of consecutive steps fused into one pass over each file, see {@link RecordPasses}), its model rules, the
 * new VERSION, and the step's validation. Each step yields the history entry the commit records.
 */
final class StepSequence {

    private static final Logger LOG = LoggerFactory.getLogger(StepSequence.class);
    /** How {@link LoadedRuleSet#ofPlugin} starts a plugin's origin: {@code plugin <id>@<version>}. */
    private static final String PLUGIN_ORIGIN = "plugin ";

    private final RuleRegistry registry;
    private final EngineSettings settings;
    private final RecordPasses passes;
    private final StepValidation validation;
    private final Clock clock;

    /**
     * @param registry  the loaded rules
     * @param settings  the effective settings
     * @param validator runs the product's validation rules
     * @param passes    the record passes of the plan
     * @param root      the installation root
     * @param clock     times the steps
     */
    StepSequence(RuleRegistry registry, EngineSettings settings, InstallationValidator validator, RecordPasses passes,
                 java.nio.file.Path root, Clock clock) {
        this.registry = registry;
        this.settings = settings;
        this.passes = passes;
        this.validation = new StepValidation(registry, settings, validator, this::ruleName, root);
        this.clock = clock;
    }

    /**
     * Runs every step.
     *
     * @param run      the run
     * @param shadow   the shadow workspace
     * @param report   collects warnings and counters
     * @param progress receives a line per step (and per record pass)
     * @param activity receives what is going on, for a timeout message
     * @return one history entry per step
     * @throws IOException when a file cannot be read or written
     */
    List<HistoryEntry> run(ResolvedRun run, ShadowWorkspace shadow, RunReport report, Consumer<String> progress,
                           Consumer<String> activity) throws IOException {
        List<PlanStep> steps = run.plan().steps();
        int historyBase = History.in(run.installation().stateFolder()).read().size();
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            PlanStep step = steps.get(i);
            progress.accept("step " + (i + 1) + "/" + steps.size() + ": " + step.from() + " -> " + step.to());
            try (LogFields.AutoCloseableField field = LogFields.put(LogFields.STEP, step.from() + " -> " + step.to())) {
                LOG.info("step {}/{} started: {} -> {}", i + 1, steps.size(), step.from(), step.to());
                entries.add(step(run, i, shadow, report, progress, activity, historyBase));
            }
        }
        return entries;
    }

    /** Runs step {@code i}: its config, data and model rules, VERSION, and its validation; returns its history entry. */
    private HistoryEntry step(ResolvedRun run, int i, ShadowWorkspace shadow, RunReport report, Consumer<String> progress,
                              Consumer<String> activity, int historyBase) throws IOException {
        List<PlanStep> steps = run.plan().steps();
        PlanStep step = steps.get(i);
        Instant stepStarted = clock.instant();
        String stepText = "step " + (i + 1) + "/" + steps.size() + " (" + step.from() + " -> " + step.to() + ")";
        // optimization deduplicates the final tree once: earlier steps' links would be counted again
        boolean optimizeHere = run.optimize() && i == steps.size() - 1;
        StepRunner runner = new StepRunner(shadow, report, run.records(), step, optimizeHere, this::ruleName,
                what -> activity.accept(what + " in " + stepText), this::loggerOf);
        List<MigrationRule> ran = new ArrayList<>();
        if (run.runs(RuleKind.CONFIG)) {
            ran.addAll(runner.fileRules(step.rules(RuleKind.CONFIG)));
        }
        Set<String> streamedGlobs = new LinkedHashSet<>();
        if (run.runs(RuleKind.DATA)) {
            ran.addAll(dataRules(run, i, runner, shadow, report, streamedGlobs, progress, activity));
        }
        if (run.runs(RuleKind.MODEL)) {
            ran.addAll(runner.fileRules(step.rules(RuleKind.MODEL)));
        }
        if (run.scope() == Scope.VERSION) {
            shadow.writeString(Installation.VERSION_FILE, run.installation().versionFileText(run.plan().product(), step.to()));
        }
        if (settings.validateAfterMigration()) {
            validation.after(run.plan().product(), step, shadow, streamedGlobs, report);
        }
        return entry(run, historyBase + i + 1, step, ran, stepStarted);
    }

    /**
     * Runs the data rules of step {@code i}: as part of a record pass when the step is in one (the pass runs at
     * its first step), else file by file. Adds to {@code streamedGlobs} the record files a pass has taken further
     * than this step, which the step's validation must therefore not read.
     *
     * @return the rules that ran
     */
    private List<MigrationRule> dataRules(ResolvedRun run, int i, StepRunner runner, ShadowWorkspace shadow,
                                          RunReport report, Set<String> streamedGlobs, Consumer<String> progress,
                                          Consumer<String> activity) throws IOException {
        PlanStep step = run.plan().steps().get(i);
        Optional<List<PlanStep>> pass = passes.passOf(i);
        if (pass.isEmpty()) {
            return runner.dataRules(step.rules(RuleKind.DATA));
        }
        if (pass.get().get(0) == step) {
            // the first pass also checks each record against the source, which the source validation left to it
            boolean checkSource = i == 0 && run.scope() == Scope.VERSION && settings.validateBeforeMigration();
            passes.run(pass.get(), run.records(), checkSource, shadow, report, progress, activity);
        }
        if (pass.get().get(pass.get().size() - 1) != step) {
            // inside a pass the files on disk are already further along; at its end they are this step's
            streamedGlobs.addAll(passes.globsOfPass(i));
        }
        return step.rules(RuleKind.DATA);
    }

    private HistoryEntry entry(ResolvedRun run, int number, PlanStep step, List<MigrationRule> ran, Instant started) {
        TreeMap<String, String> sums = new TreeMap<>();
        ran.forEach(r -> sums.put(r.descriptor().id(), RuleChecksum.of(r)));
        TreeMap<String, String> accepted = new TreeMap<>();
        run.plan().risks().results().stream().filter(r -> r.outcome() == RiskResult.Outcome.ACCEPTED
                && r.on(step.edgeFrom(), step.to()))
                .forEach(r -> accepted.put(r.name(), System.getProperty("user.name", "unknown")));
        return new HistoryEntry(number, run.plan().product(), run.scope().name().toLowerCase(), step.from(), step.to(),
                sums, started, Duration.between(started, clock.instant()), "success", Optional.empty(), accepted);
    }

    /** A rule's logger: a plugin's rules get one named and tagged by the plugin id, a built-in one {@code rule.<id>}. */
    private Logger loggerOf(String ruleId) {
        return registry.origin(ruleId).filter(o -> o.startsWith(PLUGIN_ORIGIN) && o.contains("@"))
                .map(o -> PluginLogger.of(o.substring(PLUGIN_ORIGIN.length(), o.lastIndexOf('@'))))
                .orElseGet(() -> LoggerFactory.getLogger("rule." + ruleId));
    }

    /** A rule as messages name it: {@code rule <id>}, followed by {@code of plugin <id>@<version>} for a plugin's. */
    private String ruleName(String ruleId) {
        return "rule " + ruleId + registry.origin(ruleId).filter(o -> !o.equals(LoadedRuleSet.BUILT_IN)).map(o -> " of " + o).orElse("");
    }
}
