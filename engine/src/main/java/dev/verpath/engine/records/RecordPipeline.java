package dev.verpath.engine.records;

import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressMeter;
import dev.verpath.engine.progress.ProgressPhase;
import dev.verpath.engine.log.LogFields;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleReport;
import dev.verpath.rules.Workspace;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
 *   <li>a record no rule changed is written as read; an edited one keeps the bytes of every field no edit
 *       touched and the spacing between fields, fields in their order, new values as compact JSON in UTF-8
 *       (see {@link LazyRecord} and {@link ObjectLayout}).</li>
 * </ul>
 *
 * <p>A rule applies only to the files its own {@code paths} globs match; a stage's checks run only on
 * records of files at least one of the stage's rules matched (a file no rule of a step touches is
 * not at that step's version). Not thread-safe; one pipeline serves one run. Time is linear in the
 * bytes of the matched files; memory is one record plus two 64 KiB buffers.
 */
public final class RecordPipeline {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecordPipeline.class);

    private static final int BUFFER = 1 << 16;
    /** Each thread's buffer of written records. */
    private static final ThreadLocal<RecordBytes> OUTPUT = ThreadLocal.withInitial(RecordBytes::new);

    private final List<Stage> stages;
    private final RecordRun run;
    private final RunReport report;
    private final int threads;
    private final Optional<Stage> source;

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
        this(stages, lossyAllowed, report, 1);
    }

    /**
     * A pipeline that migrates each file on several threads at once, chunk by chunk (see {@link ChunkedCopy}):
     * the same bytes, warnings and failures as on one thread.
     *
     * @param stages       the steps, in plan order
     * @param lossyAllowed whether the user allowed lossy steps (handed to every rule)
     * @param report       where rules report
     * @param threads      how many threads migrate records at once (1: the calling thread alone)
     */
    public RecordPipeline(List<Stage> stages, boolean lossyAllowed, RunReport report, int threads) {
        this(stages, new RecordRun("", java.util.Map.of(), lossyAllowed), report, threads, Optional.empty());
    }

    private RecordPipeline(List<Stage> stages, RecordRun run, RunReport report, int threads,
                           Optional<Stage> source) {
        this.stages = List.copyOf(stages);
        this.run = Objects.requireNonNull(run, "run");
        this.report = Objects.requireNonNull(report, "report");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
        this.source = source;
    }

    /**
     * This pipeline for a run of a product with its flags, which every rule's context gives.
     *
     * @param run the product, the flags and whether lossy steps are allowed
     * @return a new pipeline
     */
    public RecordPipeline forRun(RecordRun run) {
        return new RecordPipeline(stages, run, report, threads, source);
    }

    /**
     * This pipeline, also checking every record as it is read against the record checks of the source version.
     * A record that does not match is migrated anyway (the validation of the source leaves streamed files to
     * the pipeline, and an error in a file the migration rewrites does not stop it); up to
     * {@value SourceProblems#SHOWN} such records a file become warnings naming their line, the rest one
     * warning counting them.
     *
     * @param version the source version
     * @param checks  its record checks
     * @return the pipeline
     */
    public RecordPipeline checkingSource(String version, List<RecordCheck> checks) {
        return new RecordPipeline(stages, run, report, threads,
                Optional.of(new Stage(version, version, List.of(), checks)));
    }

    /** As {@link #run(Workspace, ProgressListener)}, telling no one. */
    public PipelineResult run(Workspace workspace) throws IOException {
        return run(workspace, ProgressListener.NONE);
    }

    /**
     * Migrates every record file any stage's rules match, telling the listener of the bytes read of their total.
     *
     * @param workspace the installation
     * @param listener  told how the pass goes ({@link ProgressPhase#RECORDS})
     * @return how many files, records and bytes went through
     * @throws IOException  when a file cannot be read or written
     * @throws RuleFailure  when a line is not a JSON object, a rule fails, or a record fails a check
     */
    public PipelineResult run(Workspace workspace, ProgressListener listener) throws IOException {
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
        long total = RecordFile.totalSize(workspace, allFiles);
        try (ProgressMeter meter = ProgressMeter.start(listener, ProgressPhase.RECORDS, total);
             ChunkedCopy chunked = threads > 1 ? new ChunkedCopy(threads, report) : null) {
            for (String path : allFiles) {
                FileRun run = new FileRun(path, RecordStages.applied(stages, path, matchedByRule));
                try (LogFields.AutoCloseableField field = LogFields.put(LogFields.FILE, path)) {
                    workspace.write(path, out -> run.copy(workspace, out, chunked, meter));
                    LOG.debug("{}: {} records, {} bytes read, {} written", path, run.records, run.bytesRead, run.bytesWritten);
                }
                files++;
                records += run.records;
                bytesRead += run.bytesRead;
                bytesWritten += run.bytesWritten;
            }
        }
        report.count("data_files", files);
        report.count("records", records);
        report.count("record_bytes_read", bytesRead);
        report.count("record_bytes_written", bytesWritten);
        return new PipelineResult(files, records, bytesRead, bytesWritten);
    }

    /** The pass over one file; keeps its counts for the totals. */
    private final class FileRun {

        private final String path;
        private final List<RecordStages.Applied> applied;
        private long records;
        private long bytesRead;
        private long bytesWritten;

        FileRun(String path, List<RecordStages.Applied> applied) {
            this.path = path;
            this.applied = applied;
        }

        void copy(Workspace workspace, OutputStream target, ChunkedCopy chunked, ProgressMeter meter) throws IOException {
            CountingOutputStream counted = new CountingOutputStream(new BufferedOutputStream(target, BUFFER));
            SourceProblems problems = new SourceProblems();
            try (InputStream in = meter.counting(workspace.open(path))) {
                if (chunked == null) {
                    LineReader lines = new LineReader(in, true, run.maxRecordBytes());
                    records = copyLines(lines, 1, counted, new RecordReports() {
                        @Override
                        public RuleReport forRule(String ruleId) {
                            return report.forRule(ruleId);
                        }

                        @Override
                        public void sourceProblem(String checkId, long line, String problem) {
                            problems.add(checkId, line, problem);
                        }
                    });
                    bytesRead = lines.bytesRead();
                } else {
                    RecordChunks chunks = new RecordChunks(in, RecordChunks.CHUNK, run.maxRecordBytes());
                    records = chunked.copy(chunks, counted, (chunk, out, reports) -> copyLines(
                            new LineReader(chunk.bytes(), chunk.length(), chunk.first(), run.maxRecordBytes()),
                            chunk.firstLine(), out, reports), problems);
                    bytesRead = chunks.bytesRead();
                }
            } catch (LineTooLongException e) {
                throw tooLong(e.line());
            }
            counted.flush();
            bytesWritten = counted.count();
            source.ifPresent(s -> problems.reportTo(report, path, s.from()));
        }

        /**
         * Migrates {@code lines}, numbered from {@code firstLine}, into {@code out}; the rules and the source checks
         * report to {@code reports}. Returns how many records went through.
         */
        long copyLines(LineReader lines, long firstLine, OutputStream out, RecordReports reports) throws IOException {
            RecordStages recordStages = new RecordStages(path, applied, run, source.map(Stage::checks), reports);
            LazyRecord reading = LazyRecord.over(null); // each line read into it: no objects a record
            LineScanner scanner = LineScanner.of();
            RecordBytes written = OUTPUT.get().to(out); // the records gathered, written 64 KiB at a time
            long count = 0;
            long line = firstLine - 1;
            try {
                while (true) {
                    try {
                        if (!lines.next()) {
                            break;
                        }
                    } catch (LineTooLongException e) {
                        throw tooLong(line + 1);
                    }
                    line++;
                    if (!lines.isBlank()) {
                        recordStages.migrate(read(lines, line, reading, scanner), line).write(written);
                        count++;
                    }
                    if (lines.hadNewline()) {
                        written.write('\n');
                    }
                    written.flushIfFull();
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            written.flush();
            return count;
        }

        /** A record over the limit: the user's data (or the setting) is what to change. */
        private RuleFailure tooLong(long line) {
            return new RuleFailure(path, "line " + line, "the record is longer than [data_migration] max_record_bytes ("
                    + run.maxRecordBytes() + " bytes), so it was not read; raise max_record_bytes in migration_config.toml"
                    + " if the record is meant to be that large, or fix the file");
        }

        private LazyRecord read(LineReader lines, long line, LazyRecord reading, LineScanner scanner) throws IOException {
            try {
                return reading.parseAgain(scanner, lines.buffer(), lines.start(), lines.length());
            } catch (RecordSyntax.NotAnObjectException e) {
                throw new RuleFailure(path, "line " + line, "not a JSON object: " + e.getMessage());
            }
        }
    }
}
