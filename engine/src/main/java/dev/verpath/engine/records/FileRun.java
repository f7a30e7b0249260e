package dev.verpath.engine.records;

import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleReport;
import dev.verpath.rules.Workspace;
import dev.verpath.engine.progress.ProgressMeter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The record pipeline's pass over one file (see {@link RecordPipeline} for how lines are handled): its counts, and
 * its warnings and counters in a report of its own, which the pipeline passes on (or keeps with the file's output).
 * One file, one use.
 */
final class FileRun {

    private static final int BUFFER = 1 << 16;
    /** Each thread's buffer of written records. */
    private static final ThreadLocal<RecordBytes> OUTPUT = ThreadLocal.withInitial(RecordBytes::new);

    private final String path;
    private final List<RecordStages.Applied> applied;
    private final RecordRun run;
    private final Optional<RecordPipeline.Stage> source;
    private final RunReport report;
    /** Per thread that migrates chunks of the file: its stages and their fused plans, kept from chunk to chunk. */
    private final Map<Thread, RecordStages> stagesByThread = new ConcurrentHashMap<>();
    private long records;
    private long bytesRead;
    private long bytesWritten;

    /**
     * @param path    the file
     * @param applied the rules of each stage that apply to it
     * @param run     the product, flags and settings of the run
     * @param source  the source version's checks, when each record is checked as it is read
     * @param report  the file's own report
     */
    FileRun(String path, List<RecordStages.Applied> applied, RecordRun run, Optional<RecordPipeline.Stage> source,
            RunReport report) {
        this.path = path;
        this.applied = applied;
        this.run = run;
        this.source = source;
        this.report = report;
    }

    /** @return what the pass over the file reported, once {@link #copy} is done */
    FileOutcome outcome() {
        return new FileOutcome(records, bytesRead, bytesWritten, report.warnings(), report.counters());
    }

    /** Migrates the file into {@code target}, through {@code keeping}. */
    void copy(Workspace workspace, KeptOutputs.Keeping keeping, OutputStream target, ChunkedCopy chunked,
              ProgressMeter meter) throws IOException {
        CountingOutputStream counted = new CountingOutputStream(new BufferedOutputStream(keeping.writing(target), BUFFER));
        SourceProblems problems = new SourceProblems();
        try (InputStream in = keeping.reading(meter.counting(workspace.open(path)))) {
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
                records = chunked.copy(chunks, counted, report, (chunk, out, reports) -> copyLines(
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
        RecordStages recordStages = stagesByThread.get(Thread.currentThread());
        if (recordStages == null) {
            recordStages = new RecordStages(path, applied, run, source.map(RecordPipeline.Stage::checks), reports);
            stagesByThread.put(Thread.currentThread(), recordStages);
        } else {
            recordStages.reportTo(reports);
        }
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
