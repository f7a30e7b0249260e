package dev.verpath.engine.records;

import dev.verpath.engine.model.RunWarning;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RecordEdit;
import dev.verpath.rules.RecordEdits;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file of several chunks migrated on several threads gives the same bytes, warnings, counts and failures as on
 * one thread.
 */
class ChunkedPipelineTest {

    private static final int LINES = 60_000; // about 3.5 MB: four chunks or so

    @TempDir
    Path one;

    @TempDir
    Path many;

    /** Every 7th record warns (naming its line); every record gains a field. */
    private static final RecordRule WARNING_RULE = RecordPipelineTest.rule("test.warn", "data/**/*.jsonl", (r, c) -> {
        if (RecordPipelineTest.intOf(r, "i") % 7 == 0) {
            c.report().warn(c.path(), "line " + c.line() + ": seven");
        }
        r.put("line", JsonValue.of(c.line()));
    });

    private static String records(int lines) {
        StringBuilder text = new StringBuilder("\uFEFF");
        for (int i = 0; i < lines; i++) {
            text.append(i % 1000 == 999 ? "  \n" : "{\"i\":" + i + ",\"text\":\"é-" + "x".repeat(i % 40) + "\"}\r\n");
        }
        return text.append("{\"i\":-1}").toString(); // no final newline
    }

    private static void write(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static RunReport migrate(Path root, int threads, RecordRule rule) throws IOException {
        RunReport report = new RunReport();
        new RecordPipeline(List.of(new RecordPipeline.Stage("1.0.0", "2.0.0", List.of(rule), List.of())), false, report,
                threads).run(new TempFolderWorkspace(root));
        return report;
    }

    @Test
    void writesTheSameBytesWarningsAndCountsAsOneThread() throws IOException {
        String input = records(LINES);
        for (Path root : List.of(one, many)) {
            write(root, "data/big.jsonl", input);
            write(root, "data/small.jsonl", "{\"i\":7}\n");
        }

        RunReport sequential = migrate(one, 1, WARNING_RULE);
        RunReport parallel = migrate(many, 3, WARNING_RULE);

        assertThat(Files.readAllBytes(many.resolve("data/big.jsonl"))).isEqualTo(Files.readAllBytes(one.resolve("data/big.jsonl")));
        assertThat(Files.readAllBytes(many.resolve("data/small.jsonl"))).isEqualTo(Files.readAllBytes(one.resolve("data/small.jsonl")));
        assertThat(Files.readString(many.resolve("data/big.jsonl"))).startsWith("{\"i\":0,").endsWith("{\"i\":-1,\"line\":" + (LINES + 1) + "}")
                .doesNotContain("\r").contains("\n\n");
        assertThat(parallel.warnings()).extracting(RunWarning::message).isEqualTo(sequential.warnings().stream()
                .map(RunWarning::message).toList());
        assertThat(parallel.warnings()).hasSizeGreaterThan(LINES / 8);
        assertThat(parallel.counters()).isEqualTo(sequential.counters());
    }

    /**
     * Every 7th record warns from an edit (naming its line); "text" is renamed: edits alone, so records go by fused
     * plans, which a thread keeps from chunk to chunk.
     */
    private static final RecordRule WARNING_EDITS = new RecordEdits(new RuleDescriptor("test.edits", "Test rule",
            "Edits records.", "serve", "1.0.0", "2.0.0", RuleKind.DATA, List.of(), false, "1", List.of("data/**/*.jsonl")),
            List.of(RecordEdit.map("i", (value, context) -> {
                if (((JsonNumber) value).longValue() % 7 == 0) {
                    context.report().warn(context.path(), "line " + context.line() + ": seven");
                }
                return value;
            }), RecordEdit.rename("text", "label")));

    @Test
    void fusedPlansKeptFromChunkToChunkReportEachWarningWithItsOwnLineInOrder() throws IOException {
        int lines = 3 * LINES; // a dozen chunks: each of the two threads takes several
        String input = records(lines);
        for (Path root : List.of(one, many)) {
            write(root, "data/big.jsonl", input);
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            if (i % 1000 != 999 && i % 7 == 0) {
                expected.add("line " + (i + 1) + ": seven");
            }
        }

        RunReport sequential = migrate(one, 1, WARNING_EDITS);
        RunReport parallel = migrate(many, 2, WARNING_EDITS);

        assertThat(parallel.warnings()).extracting(RunWarning::message).isEqualTo(expected);
        assertThat(sequential.warnings()).extracting(RunWarning::message).isEqualTo(expected);
        assertThat(Files.readAllBytes(many.resolve("data/big.jsonl"))).isEqualTo(Files.readAllBytes(one.resolve("data/big.jsonl")));
        assertThat(Files.readString(many.resolve("data/big.jsonl"))).startsWith("{\"i\":0,\"label\":").doesNotContain("\"text\"");
    }

    @Test
    void reportsTheFirstTwentySourceProblemsOfAFileAndCountsTheRestOnAnyNumberOfThreads() throws IOException {
        String input = records(LINES);
        RecordCheck even = RecordPipelineTest.check("test.even", r -> RecordPipelineTest.intOf(r, "i") % 2 == 0
                ? Optional.empty() : Optional.of("field i is odd"));
        List<List<String>> seen = new ArrayList<>();
        for (int threads : List.of(1, 3)) {
            Path root = threads == 1 ? one : many;
            write(root, "data/big.jsonl", input);
            RunReport report = new RunReport();
            new RecordPipeline(List.of(new RecordPipeline.Stage("1.0.0", "2.0.0", List.of(WARNING_RULE), List.of())), false,
                    report, threads).checkingSource("1.0.0", List.of(even)).run(new TempFolderWorkspace(root));
            seen.add(report.warnings().stream().filter(w -> w.ruleId().equals("test.even")).map(RunWarning::message).toList());
        }

        assertThat(seen.get(1)).isEqualTo(seen.get(0));
        long odd = IntStream.range(0, LINES).filter(i -> i % 1000 != 999 && i % 2 == 1).count() + 1; // and the last, -1
        assertThat(seen.get(0)).hasSize(21)
                .startsWith("line 2: the record did not match 1.0.0 before the migration: field i is odd")
                .endsWith((odd - 20) + " more records did not match 1.0.0 before the migration");
    }

    @Test
    void reportsTheEarliestFailingLineWhenSeveralChunksFail() throws IOException {
        write(many, "data/big.jsonl", records(LINES));
        RecordRule failing = RecordPipelineTest.rule("test.fail", "data/**/*.jsonl", (r, c) -> {
            int i = RecordPipelineTest.intOf(r, "i");
            if (i == 25_000 || i == 50_000 || i == 59_000) {
                throw new RuleFailure(c.path(), "field i", "field i is " + i);
            }
        });

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> migrate(many, 4, failing))
                    .isInstanceOfSatisfying(RuleFailure.class, f -> {
                        assertThat(f.location()).contains("line 25001, field i");
                        assertThat(f.getMessage()).isEqualTo("field i is 25000");
                    });
        }
        assertThat(Files.readString(many.resolve("data/big.jsonl"))).as("left as it was").isEqualTo(records(LINES));
    }

    @Test
    void namesTheLineOfABrokenRecordInALaterChunk() throws IOException {
        String input = records(LINES);
        int at = input.indexOf("{\"i\":40000,");
        write(many, "data/big.jsonl", input.substring(0, at) + "[1,2]" + input.substring(input.indexOf('\r', at)));

        assertThatThrownBy(() -> migrate(many, 2, WARNING_RULE))
                .isInstanceOfSatisfying(RuleFailure.class, f -> assertThat(f.location()).contains("line 40001"));
    }

    @Test
    void migratesALineOfMegabytesBetweenChunksStraightIntoTheFileInOrder() throws IOException {
        String blob = "y".repeat(ChunkedCopy.DIRECT + 1000); // a chunk of its own, migrated on the calling thread
        String input = records(30_000) + "\n{\"i\":7,\"blob\":\"" + blob + "\"}\n" + records(30_000).substring(1);
        for (Path root : List.of(one, many)) {
            write(root, "data/big.jsonl", input);
        }

        RunReport sequential = migrate(one, 1, WARNING_RULE);
        RunReport parallel = migrate(many, 2, WARNING_RULE);

        String migrated = Files.readString(many.resolve("data/big.jsonl"));
        assertThat(migrated).isEqualTo(Files.readString(one.resolve("data/big.jsonl")))
                .contains("\n{\"i\":7,\"blob\":\"" + blob + "\",\"line\":30002}\n{\"i\":0,");
        assertThat(parallel.warnings()).extracting(RunWarning::message).isEqualTo(sequential.warnings().stream()
                .map(RunWarning::message).toList()).contains("line 30002: seven");
    }
}
