package dev.verpath.engine.execute;

import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.failure.RuleBugFailure;
import dev.verpath.engine.log.LogFields;
import dev.verpath.engine.plan.PlanStep;
import dev.verpath.engine.records.RecordPipeline;
import dev.verpath.engine.records.RecordRun;
import dev.verpath.engine.records.RuleBug;
import dev.verpath.engine.records.RunReport;
import dev.verpath.engine.workspace.ShadowWorkspace;
import dev.verpath.rules.FileRule;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RuleFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the rules of one step on the shadow workspace and turns their failures into one line naming the
 * file, the location, the rule and, for a plugin's rule, the plugin.
 */
final class StepRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

    private final ShadowWorkspace shadow;
    private final RunReport report;
    private final RecordRun run;
    private final PlanStep step;
    private final boolean optimize;
    private final UnaryOperator<String> ruleName;
    private final Consumer<String> activity;
    private final Function<String, Logger> loggers;

    /**
     * @param run      the product, flags, whether lossy steps are allowed, and the record size limit
     * @param ruleName names a rule by id for messages: {@code rule <id>}, with its plugin when it has one
     * @param activity told which rule runs, for the time-out message
     * @param loggers  the logger of a rule, by id (a plugin's rules get one tagged with the plugin id)
     */
    StepRunner(ShadowWorkspace shadow, RunReport report, RecordRun run, PlanStep step, boolean optimize,
               UnaryOperator<String> ruleName, Consumer<String> activity, Function<String, Logger> loggers) {
        this.shadow = shadow;
        this.report = report;
        this.run = run;
        this.step = step;
        this.optimize = optimize;
        this.ruleName = ruleName;
        this.activity = activity;
        this.loggers = loggers;
    }

    /** Runs file rules in order; returns those that ran. */
    List<MigrationRule> fileRules(List<MigrationRule> rules) {
        List<MigrationRule> ran = new ArrayList<>();
        for (MigrationRule rule : rules) {
            String id = rule.descriptor().id();
            String name = ruleName.apply(id);
            activity.accept("running " + name);
            LOG.debug("running {}", name);
            try (LogFields.AutoCloseableField field = LogFields.put(LogFields.RULE, id)) {
                ((FileRule) rule).apply(new StepContext(shadow, report.forRule(id), run.product(), step.from(), step.to(),
                        run.lossyAllowed(), optimize, run.flags(), loggers.apply(id)));
            } catch (RuleFailure failure) {
                throw failed(failure, name, shadow);
            } catch (IOException | UncheckedIOException e) {
                throw new EnvironmentFailure(name + " could not read or write: " + dev.verpath.engine.failure.Excerpt.reason(e)
                        + "; the installation is unchanged", e);
            } catch (MigrationException e) {
                throw e;
            } catch (RuntimeException | LinkageError | AssertionError e) {
                throw new RuleBugFailure(ErrorCode.RULE_BUG, name + " failed: " + dev.verpath.engine.failure.Excerpt.reason(e)
                        + "; the installation is unchanged; this is a bug in the rule, not in your data: report it to the"
                        + " rule's authors", e);
            }
            ran.add(rule);
        }
        return ran;
    }

    /** Runs data rules one at a time where a whole-file rule breaks the fused pass. */
    List<MigrationRule> dataRules(List<MigrationRule> rules) throws IOException {
        List<MigrationRule> ran = new ArrayList<>();
        for (MigrationRule rule : rules) {
            if (rule instanceof RecordRule record) {
                String name = ruleName.apply(rule.descriptor().id());
                activity.accept("running " + name);
                try {
                    new RecordPipeline(List.of(new RecordPipeline.Stage(step.from(), step.to(), List.of(record), List.of())),
                            run.lossyAllowed(), report).forRun(run).run(shadow);
                } catch (RuleFailure failure) {
                    throw failed(failure, name, shadow);
                } catch (RuleBug bug) {
                    throw bug(bug, name, shadow);
                }
                ran.add(rule);
            } else {
                ran.addAll(fileRules(List.of(rule)));
            }
        }
        return ran;
    }

    /** @return {@code :12} for {@code line 12}, {@code  (key a.b)} for any other location, else nothing */
    static String at(java.util.Optional<String> location) {
        return dev.verpath.engine.validate.FileLocation.suffix(location);
    }

    /** A record rule's own failure: its authors' to fix, not the user's data. */
    static MigrationException bug(RuleBug bug, String name, ShadowWorkspace shadow) {
        return new RuleBugFailure(ErrorCode.RULE_BUG, name + " failed on " + shadow.live().display(bug.path()) + ":"
                + bug.line() + ": " + bug.getMessage() + "; the installation is unchanged; this is a bug in the rule, not in"
                + " your data: report it to the rule's authors with this line", bug);
    }

    static MigrationException failed(RuleFailure failure, String where, ShadowWorkspace shadow) {
        return new InputFailure(ErrorCode.RULE_FAILED, shadow.live().display(failure.path()) + at(failure.location())
                + ": " + failure.getMessage() + " (" + where + "); the installation is unchanged; fix the file and run again", failure);
    }
}
