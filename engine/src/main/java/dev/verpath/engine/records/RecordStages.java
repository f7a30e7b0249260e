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
 * What happens to each record of one file (or one chunk of it): the source version's checks, when asked,
 * then every stage's rules in order, each stage's record checks on the record as it leaves the stage. A rule's
 * failure, or a check's, becomes a {@link RuleFailure} naming the file and the line. Each instance has its own
 * rule contexts, so chunks of a file can be migrated on several threads at once; one instance is not
 * thread-safe.
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
    private final RecordReports reports;

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
    }

    /**
     * Checks a record against the source, when asked, and takes it through every stage.
     *
     * @param record the record, changed in place
     * @param line   its line
     * @throws RuleFailure when a rule fails or the record does not match a stage's version
     */
    void migrate(LazyRecord record, long line) {
        for (RecordCheck check : sourceChecks) {
            Optional<String> problem = check.check(record);
            if (problem.isPresent()) {
                reports.sourceProblem(check.descriptor().id(), line, problem.get());
            }
        }
        for (StagePlan plan : plans) {
            migrate(record, plan, line);
        }
    }

    private void migrate(LazyRecord record, StagePlan plan, long line) {
        for (StageContext context : plan.contexts()) {
            context.line = line;
            try {
                for (RecordEditor.Compiled edit : context.edits) {
                    RecordEditor.apply(edit, record, context);
                }
                context.rule.transform(record, context);
            } catch (RuleFailure e) {
                String where = "line " + line + e.location().map(l -> ", " + l).orElse("");
                throw new RuleFailure(path, where, e.getMessage());
            } catch (MigrationException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                throw new RuleBug(context.rule.descriptor().id(), path, line, e);
            }
        }
        for (RecordCheck check : plan.stage().checks()) {
            Optional<String> problem = check.check(record);
            if (problem.isPresent()) {
                throw new RuleFailure(path, "line " + line,
                        "record does not match " + plan.stage().to() + " (" + check.descriptor().id() + "): " + problem.get());
            }
        }
    }
}
