package dev.verpath.engine.records;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.execute.RunReport;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleReport;
import dev.verpath.rules.Workspace;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the record rules of several consecutive plan steps in one pass: each record file is read
 * once, every record goes through every stage in order (with the stage's record checks on the
 * record as it leaves the stage), and the file is written once, atomically, through the workspace.
 *
 * <p>Line handling, for every file:
 * <ul>
 *   <li>lines end at {@code \n}; a {@code \r\n} is written back as {@code \n}, and a UTF-8 byte order
 *       mark is dropped;</li>
 *   <li>a blank line (nothing or only spaces and tabs) is written as an empty line and reaches no rule;</li>
 *   <li>the last line ends with a newline exactly when it did in the input, so a file without a final
 *       newline keeps having none, and an empty file stays empty;</li>
 *   <li>a line that is not one JSON object fails with a {@link RuleFailure} naming the file and the
 *       line ({@code line N}); the caller rolls the migration back;</li>
 *   <li>records are written as compact JSON in UTF-8 with fields in their order and numbers as written
 *       (see {@link RecordCodec}).</li>
 * </ul>
 *
 * <p>A rule applies only to the files its own {@code paths} globs match; a stage's checks run only on
 * records of files at least one of the stage's rules matched (a file no rule of a step touches is
 * not at that step's version). Not thread-safe; one pipeline serves one run. Time is linear in the
 * bytes of the matched files; memory is one record plus two 64 KiB buffers.
 */
public final class RecordPipeline {

    private static final int BUFFER = 1 << 16;

    private final List<Stage> stages;
    private final boolean lossyAllowed;
    private final RunReport report;
    private final RecordCodec codec = new RecordCodec();
    private final FieldNames names = new FieldNames();

    /**
     * One plan step as the pipeline sees it.
     *
     * @param from   the version records are at before the step
     * @param to     the version the step leads to
     * @param rules  the step's record rules, in run order
     * @param checks the record checks of the {@code to} version
     */
    public record Stage(String from, String to, List<RecordRule> rules, List<RecordCheck> checks) {

        /** Copies the lists. */
        public Stage {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            rules = List.copyOf(rules);
            checks = List.copyOf(checks);
        }
    }

    /**
     * A pipeline over the given steps.
     *
     * @param stages       the steps, in plan order
     * @param lossyAllowed whether the user allowed lossy steps (handed to every rule)
     * @param report       where rules report; the pipeline adds the {@code records} and
     *                     {@code data_files} counters
     */
    public RecordPipeline(List<Stage> stages, boolean lossyAllowed, RunReport report) {
        this.stages = List.copyOf(stages);
        this.lossyAllowed = lossyAllowed;
        this.report = Objects.requireNonNull(report, "report");
    }

    /**
     * Migrates every record file any stage's rules match.
     *
     * @param workspace the installation
     * @return how many files, records and bytes went through
     * @throws IOException  when a file cannot be read or written
     * @throws RuleFailure  when a line is not a JSON object, a rule fails, or a record fails a check
     */
    public PipelineResult run(Workspace workspace) throws IOException {
        List<Set<String>> matchedByRule = new ArrayList<>();
        Set<String> allFiles = new TreeSet<>();
        for (Stage stage : stages) {
            for (RecordRule rule : stage.rules()) {
                Set<String> matched = new HashSet<>();
                for (String glob : rule.descriptor().paths()) {
                    matched.addAll(workspace.files(glob));
                }
                matchedByRule.add(matched);
                allFiles.addAll(matched);
            }
        }
        int files = 0;
        long records = 0;
        long bytesRead = 0;
        long bytesWritten = 0;
        FileTarget target = new FileTarget();
        try (JsonGenerator generator = codec.generator(target)) {
            for (String path : allFiles) {
                FileRun run = new FileRun(path, plan(path, matchedByRule));
                workspace.write(path, out -> run.copy(workspace, out, target, generator));
                files++;
                records += run.records;
                bytesRead += run.bytesRead;
                bytesWritten += run.bytesWritten;
            }
        }
        report.count("data_files", files);
        report.count("records", records);
        return new PipelineResult(files, records, bytesRead, bytesWritten);
    }

    /** For one file, per stage: the rules that apply (each with its context), and whether checks run. */
    private List<StagePlan> plan(String path, List<Set<String>> matchedByRule) {
        List<StagePlan> plans = new ArrayList<>();
        int ruleIndex = 0;
        for (Stage stage : stages) {
            List<StageContext> applied = new ArrayList<>();
            for (RecordRule rule : stage.rules()) {
                if (matchedByRule.get(ruleIndex++).contains(path)) {
                    RuleReport ruleReport = report.forRule(rule.descriptor().id());
                    applied.add(new StageContext(rule, path, stage.from(), stage.to(), lossyAllowed, ruleReport));
                }
            }
            if (!applied.isEmpty()) {
                plans.add(new StagePlan(stage, applied));
            }
        }
        return plans;
    }

    private record StagePlan(Stage stage, List<StageContext> contexts) {
    }

    /** The pass over one file; keeps its counts for the totals. */
    private final class FileRun {

        private final String path;
        private final List<StagePlan> plans;
        private long records;
        private long bytesRead;
        private long bytesWritten;

        FileRun(String path, List<StagePlan> plans) {
            this.path = path;
            this.plans = plans;
        }

        void copy(Workspace workspace, OutputStream file, FileTarget target, JsonGenerator generator)
                throws IOException {
            records = 0;
            BufferedOutputStream buffered = new BufferedOutputStream(file, BUFFER);
            target.switchTo(buffered);
            try (InputStream in = workspace.open(path)) {
                LineReader lines = new LineReader(in);
                long line = 0;
                while (lines.next()) {
                    line++;
                    if (!lines.isBlank()) {
                        ObjectNode record = read(lines, line);
                        for (StagePlan plan : plans) {
                            migrate(record, plan, line);
                        }
                        codec.write(generator, names, record);
                        records++;
                    }
                    if (lines.hadNewline()) {
                        generator.writeRaw('\n');
                    }
                }
                generator.flush();
                bytesRead = lines.bytesRead();
                bytesWritten = target.count();
            } finally {
                target.detach();
            }
        }

        private ObjectNode read(LineReader lines, long line) throws IOException {
            try {
                return codec.readObject(lines.buffer(), lines.start(), lines.length());
            } catch (RecordCodec.NotAnObjectException e) {
                throw new RuleFailure(path, "line " + line, "not a JSON object: " + e.getMessage());
            }
        }

        private void migrate(ObjectNode record, StagePlan plan, long line) {
            for (StageContext context : plan.contexts()) {
                context.line = line;
                try {
                    context.rule.transform(record, context);
                } catch (RuleFailure e) {
                    String where = "line " + line + e.location().map(l -> ", " + l).orElse("");
                    throw new RuleFailure(path, where, e.getMessage());
                } catch (MigrationException e) {
                    throw e;
                } catch (RuntimeException e) {
                    RuleFailure failure = new RuleFailure(path, "line " + line,
                            "rule " + context.rule.descriptor().id() + " failed: " + e);
                    failure.initCause(e);
                    throw failure;
                }
            }
            for (RecordCheck check : plan.stage().checks()) {
                Optional<String> problem = check.check(record);
                if (problem.isPresent()) {
                    throw new RuleFailure(path, "line " + line,
                            "record does not match " + plan.stage().to() + ": " + problem.get());
                }
            }
        }
    }
}
