package dev.verpath.engine.records;

import dev.verpath.rules.MigrationException;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RuleFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What happens to each record of one file (or of the chunks of it one thread migrates): the source version's
 * checks, when asked, then every stage's rules in order, each stage's record checks on the record as it leaves the
 * stage. A rule's failure, or a check's, becomes a {@link RuleFailure} naming the file and the line. Each instance has
 * its own rule contexts and fused plans, so chunks of a file can be migrated on several threads at once, each thread
 * keeping its plans from chunk to chunk ({@link #reportTo}); one instance is not thread-safe.
 */
final class RecordStages {

    /**
     * A stage and the rules of it that apply to a file.
     *
     * @param stage the stage
     * @param rules its rules whose globs match the file, in run order
     */
    record Applied(RecordPipeline.Stage stage, List<RecordRule> rules) {
    }

    /**
     * @param stages        the pipeline's stages
     * @param path          a record file
     * @param matchedByRule per rule of every stage, in order, the files its globs match
     * @return for that file, per stage, the rules that apply to it (a stage none of whose rules applies is left out)
     */
    static List<Applied> applied(List<RecordPipeline.Stage> stages, String path, List<Set<String>> matchedByRule) {
        List<Applied> applied = new ArrayList<>();
        int ruleIndex = 0;
        for (RecordPipeline.Stage stage : stages) {
            List<RecordRule> rules = new ArrayList<>();
            for (RecordRule rule : stage.rules()) {
                if (matchedByRule.get(ruleIndex++).contains(path)) {
                    rules.add(rule);
                }
            }
            if (!rules.isEmpty()) {
                applied.add(new Applied(stage, rules));
            }
        }
        return applied;
    }

    private record StagePlan(RecordPipeline.Stage stage, List<StageContext> contexts) {
    }

    private final String path;
    private final List<StagePlan> plans = new ArrayList<>();
    private final List<RecordCheck> sourceChecks;
    private RecordReports reports;
    private final FusedPlans fused;
    private long fusedRecords;
    private long laidOutRecords;
    private long compactRecords;

    /**
     * @param path         the file
     * @param applied      the stages with rules for it
     * @param run          the product, the flags and whether lossy steps are allowed
     * @param sourceChecks the source version's record checks, when records are to be checked as read
     * @param reports      where rules and source checks report
     */
    RecordStages(String path, List<Applied> applied, RecordRun run, Optional<List<RecordCheck>> sourceChecks,
                 RecordReports reports) {
        this.path = path;
        this.sourceChecks = sourceChecks.orElse(List.of());
        this.reports = reports;
        for (Applied a : applied) {
            List<StageContext> contexts = new ArrayList<>();
            RecordPipeline.Stage stage = a.stage();
            for (RecordRule rule : a.rules()) {
                contexts.add(new StageContext(rule, path, stage.from(), stage.to(), run,
                        reports.forRule(rule.descriptor().id())));
            }
            plans.add(new StagePlan(stage, contexts));
        }
        this.fused = new FusedPlans(applied.stream().flatMap(a -> a.rules().stream()).toList());
    }

    /**
     * Reports to {@code reports} from now on: for the next chunk of the file, whose warnings go back in order with its
     * lines. The plans compiled so far are kept: a plan is a function of the shape and the rules, not of the chunk.
     *
     * @return this
     */
    RecordStages reportTo(RecordReports reports) {
        this.reports = reports;
        for (StagePlan plan : plans) {
            for (StageContext context : plan.contexts()) {
                context.reportTo(reports.forRule(context.rule.descriptor().id()));
            }
        }
        return this;
    }

    /**
     * Checks a record against the source, when asked, and takes it through every stage: by the fused plan of its
     * shape when there is one, else step by step (compiling the plan of its shape on the way, when it may have one).
     *
     * @param record the record as read (changed in place on the step-by-step way)
     * @param line   its line
     * @return the record to write
     * @throws RuleFailure when a rule fails or the record does not match a stage's version
     */
    MigratedRecord migrate(LazyRecord record, long line) {
        for (RecordCheck check : sourceChecks) {
            Optional<String> problem = check.check(record);
            if (problem.isPresent()) {
                reports.sourceProblem(check.descriptor().id(), line, problem.get());
            }
        }
        FusedPlan plan = fused.find(record.root());
        if (plan != null) {
            fusedRecords++;
            MigratedRecord migrated = plan.run(record, line);
            if (migrated == plan) {
                laidOutRecords++;
                compactRecords += plan.writesCompact() ? 1 : 0;
            }
            return migrated;
        }
        if (!fused.mayFuse(record.root())) {
            stepByStep(record, line, EditTrace.NONE);
            return record;
        }
        FusedPlan compiling = new FusedPlan(path, record);
        stepByStep(record, line, compiling);
        Optional<String> refused = compiling.finish(record);
        if (refused.isPresent()) {
            fused.refuse(compiling.shape());
        } else {
            fused.add(compiling);
        }
        return record;
    }

    /** @return how many records went by a fused plan */
    long fusedRecords() {
        return fusedRecords;
    }

    /** @return how many of those were written by the plan's {@link CompiledLayout} */
    long laidOutRecords() {
        return laidOutRecords;
    }

    /** @return how many of those were written by its {@link CompactSteps} */
    long compactRecords() {
        return compactRecords;
    }

    /**
     * Takes a record through every stage, edit by edit: the reference the fused plans are compiled from (and tested
     * against).
     */
    void stepByStep(LazyRecord record, long line, EditTrace trace) {
        for (StagePlan plan : plans) {
            migrate(record, plan, line, trace);
        }
    }

    private void migrate(LazyRecord record, StagePlan plan, long line, EditTrace trace) {
        for (StageContext context : plan.contexts()) {
            context.line = line;
            trace.rule(context);
            try {
                for (RecordEditor.Compiled edit : context.edits) {
                    RecordEditor.apply(edit, record, context, trace);
                }
                context.rule.transform(record, context);
            } catch (RuntimeException | StackOverflowError e) {
                throw failure(e, context.rule.descriptor().id(), path, line);
            }
        }
        trace.checking(record, plan.stage());
        for (RecordCheck check : plan.stage().checks()) {
            Optional<String> problem = check.check(record);
            if (problem.isPresent()) {
                throw mismatch(path, line, plan.stage(), check, problem.get());
            }
        }
    }

    /**
     * What a rule's failure becomes: a {@link RuleFailure} located at the file and line, another
     * {@link MigrationException} as it is, anything else a {@link RuleBug}.
     */
    static RuntimeException failure(Throwable e, String ruleId, String path, long line) {
        if (e instanceof RuleFailure f) {
            String where = "line " + line + f.location().map(l -> ", " + l).orElse("");
            return new RuleFailure(path, where, f.getMessage());
        }
        if (e instanceof MigrationException m) {
            return m;
        }
        return new RuleBug(ruleId, path, line, e);
    }

    /** A record that does not match the version a stage leads to. */
    static RuleFailure mismatch(String path, long line, RecordPipeline.Stage stage, RecordCheck check, String problem) {
        return new RuleFailure(path, "line " + line,
                "record does not match " + stage.to() + " (" + check.descriptor().id() + "): " + problem);
    }
}
