package dev.verpath.engine.records;

import dev.verpath.rules.RecordEdit;
import dev.verpath.rules.RecordEdits;
import dev.verpath.rules.RecordReader;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast record path against the slow reference path on generated records: lines indexed by {@link LineScanner}
 * against lines indexed by Jackson's parser ({@link LazyRecord#parseWithJackson}), the same random edit plans on
 * both, byte for byte; lines the scanner accepts must be lines Jackson accepts, with the same index; and whole files
 * (blank lines, CRLF, a byte order mark, no final newline, chunks on two threads) through the pipeline against the
 * reference applied line by line. Records carry escapes, non-ASCII names and text, {@code 1e3}, {@code -0}, huge
 * integers, duplicate names and nested values. The fused plans of random stages (edits, computed values that warn,
 * record checks) against the same stages run step by step, line by line: bytes, failures and warnings. Seeds are
 * fixed, so a failure names a reproducible case.
 */
class FastPathPropertyTest {

    @TempDir
    Path root;

    private final RecordGenerator generate = new RecordGenerator();

    @Test
    void theScannerAcceptsOnlyWhatJacksonAcceptsAndIndexesItTheSame() throws IOException {
        Random random = new Random(29);
        int scanned = 0;
        for (int i = 0; i < 20_000; i++) {
            String line = generate.line(random);
            boolean mutated = i % 2 == 1;
            if (mutated) {
                line = generate.mutated(line, random);
            }
            byte[] bytes = ("x" + line + "y").getBytes(StandardCharsets.UTF_8);
            RecordObject fast = LineScanner.of().line(bytes, 1, bytes.length - 2);
            if (fast == null) {
                // the scanner leaves only broken lines and names with escapes to Jackson
                assertThat(mutated || line.contains("\\")).as(line).isTrue();
                continue;
            }
            scanned++;
            LazyRecord reference = LazyRecord.parseWithJackson(bytes, 1, bytes.length - 2); // throws if Jackson refuses
            assertThat(RecordIndex.of(fast)).as(line).isEqualTo(RecordIndex.of(reference.root()));
        }
        assertThat(scanned).as("lines the scanner took itself").isGreaterThan(5_000);
    }

    @Test
    void theScannerReusingItsObjectsPredictsNamesOnlyWhereTheBytesMatch() throws IOException {
        Random random = new Random(31);
        String[][] shapes = {generate.shape(random), generate.shape(random), {"id", "model", "ts", "caf\u00e9", "a"}};
        int scanned = 0;
        for (int i = 0; i < 20_000; i++) {
            String line = generate.line(random, shapes[random.nextInt(shapes.length)]);
            boolean mutated = i % 3 == 2;
            if (mutated) {
                line = generate.mutated(line, random);
            }
            byte[] bytes = ("x" + line + "y").getBytes(StandardCharsets.UTF_8);
            LineScanner scanner = LineScanner.of();
            RecordObject fast = scanner.reusing(bytes, 1, bytes.length - 2);
            if (fast == null) {
                assertThat(mutated || line.contains("\\")).as(line).isTrue();
                continue;
            }
            scanned++;
            LazyRecord reference = LazyRecord.parseWithJackson(bytes, 1, bytes.length - 2);
            assertThat(RecordIndex.of(fast)).as(line).isEqualTo(RecordIndex.of(reference.root()));
            assertThat(scanner.nonAscii).as("non-ASCII in %s", line).isEqualTo(!line.chars().allMatch(c -> c < 0x80));
        }
        assertThat(scanned).as("lines the scanner took itself").isGreaterThan(10_000);
    }

    @Test
    void theNewlineSearchFindsTheFirstNewlineFromAnyOffset() {
        Random random = new Random(10);
        byte[] pool = {'\n', 0x0b, 0x09, (byte) 0x8a, (byte) 0xff, 0x00, 0x01, 'a', '"', (byte) 0x0a0b};
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            int newlines = random.nextInt(4);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(30) < newlines ? (byte) '\n' : pool[1 + random.nextInt(pool.length - 1)];
            }
            int from = random.nextInt(bytes.length + 1);
            int end = from + random.nextInt(bytes.length - from + 1);
            int expected = from;
            while (expected < end && bytes[expected] != '\n') {
                expected++;
            }
            assertThat(LineReader.newline(bytes, from, end)).as("%s from %d to %d", java.util.Arrays.toString(bytes), from, end)
                    .isEqualTo(expected);
        }
    }

    @Test
    void randomEditPlansWriteTheSameBytesOnBothPaths() throws IOException {
        Random random = new Random(2929);
        for (int i = 0; i < 5_000; i++) {
            String line = generate.line(random);
            List<RecordEdit> plan = generate.plan(random);
            String fast = outcome(line, plan, false);
            String reference = outcome(line, plan, true);
            assertThat(fast).as("%s with %s", line, plan).isEqualTo(reference);
        }
    }

    @Test
    void fusedPlansOfRandomStagesMatchTheStepByStepRunLineByLine() throws IOException {
        Random random = new Random(2930);
        long fused = 0;
        long laidOut = 0;
        long compact = 0;
        for (int round = 0; round < 400; round++) {
            StagedRecords staged = new StagedRecords(random, generate);
            StagedRecords.Worker fast = staged.new Worker();
            StagedRecords.Worker reference = staged.new Worker();
            List<String[]> shapes = new ArrayList<>();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                shapes.add(generate.shape(random));
            }
            for (int i = 1; i <= 60; i++) {
                String line = generate.line(random, shapes.get(random.nextInt(shapes.size())));
                assertThat(fast.outcome(line, i, true)).as("line %d: %s through %s", i, line, staged.stages)
                        .isEqualTo(reference.outcome(line, i, false));
            }
            fused += fast.recordStages.fusedRecords();
            laidOut += fast.recordStages.laidOutRecords();
            compact += fast.recordStages.compactRecords();
        }
        assertThat(fused).as("records migrated by a fused plan").isGreaterThan(5_000);
        assertThat(laidOut).as("records written by a plan's compiled layout").isGreaterThan(4_000);
        assertThat(compact).as("records written by a layout's compact steps").isGreaterThan(1_500);
    }

    @Test
    void wholeFilesThroughThePipelineMatchTheReferenceLineByLine() throws IOException {
        Random random = new Random(290);
        for (int threads : new int[] {1, 2}) {
            for (int round = 0; round < 3; round++) {
                String file = generate.file(random, threads == 1 ? 400 : 18_000);
                List<RecordEdit> plan = generate.safePlan(random);
                Files.createDirectories(root.resolve("data"));
                Files.writeString(root.resolve("data/r.jsonl"), file, StandardCharsets.UTF_8);
                RecordEdits rule = new RecordEdits(new RuleDescriptor("test.plan", "Test plan", "Edits records.", "serve",
                        "1.0.0", "2.0.0", RuleKind.DATA, List.of(), false, "1", List.of("data/*.jsonl")), plan);
                new RecordPipeline(List.of(new RecordPipeline.Stage("1.0.0", "2.0.0", List.of(rule), List.of())), false,
                        new RunReport(), threads).run(new TempFolderWorkspace(root));
                String migrated = Files.readString(root.resolve("data/r.jsonl"), StandardCharsets.UTF_8);
                String reference = referenceFile(file, plan);
                assertThat(firstDifference(migrated, reference)).as("%d thread(s), plan %s", threads, plan).isEmpty();
                assertThat(migrated).isEqualTo(reference);
            }
        }
    }

    /** The first line where two texts differ, with its number, or empty. */
    private static String firstDifference(String actual, String expected) {
        String[] a = actual.split("\n", -1);
        String[] e = expected.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, e.length); i++) {
            String x = i < a.length ? a[i] : "(none)";
            String y = i < e.length ? e[i] : "(none)";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": " + x + "\n  expected: " + y;
            }
        }
        return "";
    }

    /** The written line, or the failure, of a plan on a line indexed by the scanner or by Jackson. */
    private static String outcome(String line, List<RecordEdit> plan, boolean jackson) throws IOException {
        EditedLines lines = new EditedLines();
        byte[] bytes = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
        try {
            LazyRecord record = jackson ? LazyRecord.parseWithJackson(bytes, 2, bytes.length - 4)
                    : LazyRecord.parse(bytes, 2, bytes.length - 4);
            lines.apply(record, plan);
            readsWithoutValues(record);
            String written = EditedLines.written(record);
            byte[] again = written.getBytes(StandardCharsets.UTF_8);
            LazyRecord.parseWithJackson(again, 0, again.length); // what is written is one JSON object
            return written + " " + lines.warnings();
        } catch (RuntimeException | RecordSyntax.NotAnObjectException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage() + " " + lines.warnings();
        }
    }

    /** The reads that make no value object say what the reads through values say. */
    private static void readsWithoutValues(LazyRecord record) {
        RecordReader values = RecordReader.of(record.toObject());
        for (String path : new String[] {"id", "ts", "a", "b", "usage", "metrics", "usage.a", "metrics.latency_ms",
            "caf\u00e9", "new", "grp", "grp.x"}) {
            assertThat(record.kind(path)).as(path).isEqualTo(values.kind(path));
            for (String literal : new String[] {"0", "-0", "1e3", "7", "1700000000"}) {
                assertThat(record.isNumber(path, literal)).as(path + " " + literal).isEqualTo(values.isNumber(path, literal));
            }
        }
    }

    /** The pipeline's line rules done the straightforward way, each record indexed by Jackson. */
    private static String referenceFile(String file, List<RecordEdit> plan) throws IOException {
        String text = file.startsWith("\uFEFF") ? file.substring(1) : file;
        boolean finalNewline = text.endsWith("\n");
        String[] lines = (finalNewline ? text.substring(0, text.length() - 1) : text).split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length && !text.isEmpty(); i++) {
            boolean newline = i < lines.length - 1 || finalNewline;
            // \r\n ends a line as \n does; a \r at the very end without a newline is part of the line
            String line = newline && lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (!line.isBlank()) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                LazyRecord record = LazyRecord.parseWithJackson(bytes, 0, bytes.length);
                new EditedLines().apply(record, plan);
                ByteArrayOutputStream written = new ByteArrayOutputStream();
                record.write(written);
                out.append(written.toString(StandardCharsets.UTF_8));
            }
            if (newline) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** A record's index as a comparable value: per object its bytes, per field its name and every offset. */
    private record RecordIndex(int start, int end, List<String> fields) {

        static RecordIndex of(RecordObject object) {
            List<String> fields = new ArrayList<>();
            for (RecordField f : object.fields) {
                String nested = "";
                if (f.buffer[f.valueStart] == '{') {
                    RecordObject scanned = LineScanner.of().nested(f.buffer, f.valueStart, f.valueEnd);
                    RecordObject jackson = ObjectScanner.nested(f.buffer, f.valueStart, f.valueEnd);
                    nested = (scanned == null ? "left to Jackson" : of(scanned).toString()) + " / " + of(jackson);
                    if (scanned != null) {
                        assertThat(of(scanned)).isEqualTo(of(jackson));
                    }
                }
                fields.add(f.name + " " + f.nameStart + " " + f.valueStart + " " + f.valueEnd + " " + f.sepStart + " "
                        + f.sepEnd + " " + f.keepsColon + " " + nested);
            }
            return new RecordIndex(object.start, object.end, fields);
        }
    }

    /** Kept for plans: a value of each kind an edit may set. */
    static JsonValue valueOf(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> JsonValue.of("v\u00e9\"" + random.nextInt(9));
            case 1 -> JsonValue.of(random.nextInt(100) - 50);
            case 2 -> new dev.verpath.rules.json.JsonArray(List.of(JsonValue.of(1), JsonValue.of("x")));
            default -> JsonValue.of(true);
        };
    }
}
