package dev.verpath.engine.records;

import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RecordContext;
import dev.verpath.rules.RecordReader;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RecordView;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordPipelineTest {

    @TempDir
    Path root;

    private final RunReport report = new RunReport();

    static RecordRule rule(String id, String glob, BiConsumer<RecordView, RecordContext> edit) {
        RuleDescriptor descriptor = new RuleDescriptor(id, "Test rule", "Edits records.", "serve", "1.0.0", "2.0.0",
                RuleKind.DATA, List.of(), false, "1", List.of(glob));
        return new RecordRule() {
            @Override
            public RuleDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public void transform(RecordView record, RecordContext context) {
                edit.accept(record, context);
            }
        };
    }

    /** @return a whole-number field's value, or -1 when it is missing or not one */
    static int intOf(RecordReader record, String path) {
        return record.get(path).flatMap(JsonValue::asNumber).map(n -> (int) n.longValue()).orElse(-1);
    }

    static RecordCheck check(String id, Function<RecordReader, Optional<String>> test) {
        ValidationDescriptor descriptor = new ValidationDescriptor(id, "Test check", "Checks records.", "serve", "2.0.0",
                ValidationCategory.SCHEMA, Severity.ERROR);
        return RecordCheck.of(descriptor, test);
    }

    private static final RecordRule MARK = rule("test.mark", "data/**/*.jsonl", (r, c) -> r.put("v", JsonValue.of(1)));

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private String read(String path) throws IOException {
        return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
    }

    private PipelineResult run(RecordPipeline.Stage... stages) throws IOException {
        return new RecordPipeline(List.of(stages), false, report).run(new TempFolderWorkspace(root));
    }

    private static RecordPipeline.Stage stage(RecordRule... rules) {
        return new RecordPipeline.Stage("1.0.0", "2.0.0", List.of(rules), List.of());
    }

    @Test
    void keepsUnknownFieldsInTheirOrder() throws IOException {
        write("data/a.jsonl", "{\"z\":1,\"a\":{\"y\":[1,{\"b\":2}],\"x\":null},\"m\":true}\n");
        run(stage(MARK));
        assertThat(read("data/a.jsonl")).isEqualTo("{\"z\":1,\"a\":{\"y\":[1,{\"b\":2}],\"x\":null},\"m\":true,\"v\":1}\n");
    }

    @Test
    void keepsNumbersAsTheyWereWritten() throws IOException {
        write("data/a.jsonl", "{\"a\":1.50,\"b\":1e3,\"c\":-0,\"d\":12345678901234567890,\"e\":1E-7,\"f\":-2.0,\"g\":4000000000}\n");
        run(stage(MARK));
        assertThat(read("data/a.jsonl"))
                .isEqualTo("{\"a\":1.50,\"b\":1e3,\"c\":-0,\"d\":12345678901234567890,\"e\":1E-7,\"f\":-2.0,\"g\":4000000000,\"v\":1}\n");
    }

    @Test
    void readsLiteralNumbersAsDecimalsAndWritesNewDecimalsPlain() throws IOException {
        write("data/a.jsonl", "{\"a\":2.50}\n");
        run(stage(rule("test.dec", "data/*.jsonl", (r, c) -> {
            dev.verpath.rules.json.JsonNumber a = r.get("a").flatMap(JsonValue::asNumber).orElseThrow();
            assertThat(a.integral()).isFalse();
            r.put("b", JsonValue.of(a.decimal().multiply(java.math.BigDecimal.valueOf(100))));
            r.put("c", JsonValue.of(new java.math.BigDecimal("1E+3").toBigIntegerExact().longValue()));
        })));
        assertThat(read("data/a.jsonl")).isEqualTo("{\"a\":2.50,\"b\":250.00,\"c\":1000}\n");
    }

    @Test
    void keepsDuplicateFieldsAsTheyWereWhileRulesSeeTheLast() throws IOException {
        write("data/a.jsonl", "{\"a\":1,\"b\":2,\"a\":3}\n");
        List<Integer> seen = new ArrayList<>();
        run(stage(rule("test.seen", "data/*.jsonl", (r, c) -> {
            seen.add(intOf(r, "a"));
            r.put("v", JsonValue.of(1));
        })));
        assertThat(read("data/a.jsonl")).isEqualTo("{\"a\":1,\"b\":2,\"a\":3,\"v\":1}\n");
        assertThat(seen).containsExactly(3);
    }

    @Test
    void keepsTheEscapesOfUntouchedFieldsAndWritesNewTextWithOnlyRequiredEscapes() throws IOException {
        write("data/a.jsonl", "{\"name\":\"caf\\u00e9 ü 日本 😀\",\"q\":\"a\\\"b\\\\c\\n\\/\"}\n");
        run(stage(rule("test.text", "data/*.jsonl", (r, c) -> r.put("copy", r.get("name").orElseThrow()))));
        byte[] bytes = Files.readAllBytes(root.resolve("data/a.jsonl"));
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("{\"name\":\"caf\\u00e9 ü 日本 😀\",\"q\":\"a\\\"b\\\\c\\n\\/\",\"copy\":\"café ü 日本 😀\"}\n");
        assertThat(bytes[0]).isEqualTo((byte) '{');
    }

    @Test
    void keepsBlankLinesAndTheFinalNewline() throws IOException {
        write("data/a.jsonl", "\n{\"a\":1}\n\n   \n{\"a\":2}\n\n");
        PipelineResult result = run(stage(MARK));
        assertThat(read("data/a.jsonl")).isEqualTo("\n{\"a\":1,\"v\":1}\n\n\n{\"a\":2,\"v\":1}\n\n");
        assertThat(result.records()).isEqualTo(2);
    }

    @Test
    void addsNoFinalNewlineWhereThereWasNone() throws IOException {
        write("data/a.jsonl", "{\"a\":1}\n{\"a\":2}");
        run(stage(MARK));
        assertThat(read("data/a.jsonl")).isEqualTo("{\"a\":1,\"v\":1}\n{\"a\":2,\"v\":1}");
    }

    @Test
    void writesCrLfAsLfAndDropsAByteOrderMark() throws IOException {
        write("data/a.jsonl", "\uFEFF{\"a\":1}\r\n\r\n{\"a\":2}\r\n");
        run(stage(MARK));
        assertThat(Files.readAllBytes(root.resolve("data/a.jsonl")))
                .isEqualTo("{\"a\":1,\"v\":1}\n\n{\"a\":2,\"v\":1}\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void leavesAnEmptyFileEmpty() throws IOException {
        write("data/a.jsonl", "");
        PipelineResult result = run(stage(MARK));
        assertThat(read("data/a.jsonl")).isEmpty();
        assertThat(result.files()).isEqualTo(1);
    }

    @Test
    void readsLinesLongerThanItsBuffer() throws IOException {
        String big = "x".repeat(200_000);
        write("data/a.jsonl", "{\"a\":\"" + big + "\"}\n{\"b\":1}\n");
        run(stage(MARK));
        assertThat(read("data/a.jsonl")).isEqualTo("{\"a\":\"" + big + "\",\"v\":1}\n{\"b\":1,\"v\":1}\n");
    }

    @Test
    void failsNamingFileAndLineWhenALineIsNotAnObject() throws IOException {
        for (String bad : List.of("[1,2]", "{\"a\":", "{\"a\":1} {\"b\":2}", "42", "nope")) {
            write("data/sub/a.jsonl", "{\"a\":1}\n\n" + bad + "\n{\"a\":3}\n");
            assertThatThrownBy(() -> run(stage(MARK)))
                    .as(bad)
                    .isInstanceOfSatisfying(RuleFailure.class, f -> {
                        assertThat(f.path()).isEqualTo("data/sub/a.jsonl");
                        assertThat(f.location()).contains("line 3");
                        assertThat(f.getMessage()).startsWith("not a JSON object: ");
                    });
            assertThat(read("data/sub/a.jsonl")).as("left as it was").startsWith("{\"a\":1}\n\n" + bad);
        }
    }

    @Test
    void failsALineThatIsNotUtf8InsideAStringOrANameTheLinesBeforeHad() throws IOException {
        for (String bad : List.of("{\"a\":\"x\u00ff\"}", "{\"a\":\"e\",\"caf\u00ff\":2}")) {
            byte[] line = bad.getBytes(StandardCharsets.ISO_8859_1); // \u00ff alone: not UTF-8
            byte[] good = "{\"a\":\"\u00e9\",\"caf\u00e9\":1}\n".getBytes(StandardCharsets.UTF_8);
            Path file = root.resolve("data/a.jsonl");
            Files.createDirectories(file.getParent());
            Files.write(file, java.nio.ByteBuffer.allocate(2 * good.length + line.length + 1).put(good).put(good).put(line)
                    .put((byte) '\n').array());
            assertThatThrownBy(() -> run(stage(MARK)))
                    .as(bad)
                    .isInstanceOfSatisfying(RuleFailure.class, f -> {
                        assertThat(f.location()).contains("line 3");
                        assertThat(f.getMessage()).startsWith("not a JSON object: Invalid UTF-8: byte 0xff at byte ");
                    });
        }
    }

    @Test
    void runsStagesInOrderAndChecksEachStageInMemory() throws IOException {
        write("data/a.jsonl", "{\"a\":1}\n");
        List<String> seen = new ArrayList<>();
        RecordRule first = rule("test.one", "data/*.jsonl", (r, c) -> {
            seen.add(c.fromVersion() + ">" + c.toVersion() + "@" + c.path() + ":" + c.line());
            r.put("schema_version", JsonValue.of(1));
        });
        RecordRule second = rule("test.two", "data/*.jsonl", (r, c) -> {
            seen.add(c.fromVersion() + ">" + c.toVersion());
            r.put("schema_version", JsonValue.of(2));
        });
        RecordCheck isOne = check("test.is-one", r -> RecordPipelineTest.intOf(r, "schema_version") == 1
                ? Optional.empty() : Optional.of("schema_version is not 1"));
        RecordCheck isTwo = check("test.is-two", r -> RecordPipelineTest.intOf(r, "schema_version") == 2
                ? Optional.empty() : Optional.of("schema_version is not 2"));
        run(new RecordPipeline.Stage("0.1.0", "1.0.0", List.of(first), List.of(isOne)),
                new RecordPipeline.Stage("1.0.0", "2.0.0", List.of(second), List.of(isTwo)));
        assertThat(read("data/a.jsonl")).isEqualTo("{\"a\":1,\"schema_version\":2}\n");
        assertThat(seen).containsExactly("0.1.0>1.0.0@data/a.jsonl:1", "1.0.0>2.0.0");
    }

    @Test
    void failsARecordThatDoesNotMatchTheStageVersion() throws IOException {
        write("data/a.jsonl", "{\"a\":1}\n{\"a\":2}\n");
        RecordCheck noTwo = check("test.no-two", r -> RecordPipelineTest.intOf(r, "a") == 2
                ? Optional.of("field a must not be 2") : Optional.empty());
        assertThatThrownBy(() -> run(new RecordPipeline.Stage("1.0.0", "2.0.0", List.of(MARK), List.of(noTwo))))
                .isInstanceOfSatisfying(RuleFailure.class, f -> {
                    assertThat(f.path()).isEqualTo("data/a.jsonl");
                    assertThat(f.location()).contains("line 2");
                    assertThat(f.getMessage()).isEqualTo("record does not match 2.0.0 (test.no-two): field a must not be 2");
                });
    }

    @Test
    void addsTheLineToARuleFailure() throws IOException {
        write("data/a.jsonl", "{\"a\":1}\n");
        RecordRule failing = rule("test.fail", "data/*.jsonl", (r, c) -> {
            throw new RuleFailure(c.path(), "field a", "field a is broken");
        });
        assertThatThrownBy(() -> run(stage(failing)))
                .isInstanceOfSatisfying(RuleFailure.class, f -> {
                    assertThat(f.location()).contains("line 1, field a");
                    assertThat(f.getMessage()).isEqualTo("field a is broken");
                });
    }

    @Test
    void appliesARuleOnlyToTheFilesItsGlobsMatch() throws IOException {
        write("data/a.jsonl", "{\"a\":1}\n");
        write("data/deep/b.jsonl", "{\"b\":1}\n");
        write("data/c.json", "{\"c\":1}\n");
        RecordRule top = rule("test.top", "data/*.jsonl", (r, c) -> r.put("top", JsonValue.of(true)));
        RecordRule check = rule("test.checked", "data/**/*.jsonl", (r, c) -> r.put("all", JsonValue.of(true)));
        PipelineResult result = run(stage(top, check));
        assertThat(read("data/a.jsonl")).isEqualTo("{\"a\":1,\"top\":true,\"all\":true}\n");
        assertThat(read("data/deep/b.jsonl")).isEqualTo("{\"b\":1,\"all\":true}\n");
        assertThat(read("data/c.json")).isEqualTo("{\"c\":1}\n");
        assertThat(result.files()).isEqualTo(2);
    }

    @Test
    void countsFilesRecordsAndBytes() throws IOException {
        write("data/a.jsonl", "{\"a\":1}\n\n");
        write("data/b.jsonl", "{\"b\":1}\n{\"b\":2}\n");
        RecordRule warns = rule("test.warns", "data/*.jsonl", (r, c) -> c.report().warn(c.path(), "seen"));
        PipelineResult result = run(stage(MARK, warns));
        assertThat(result).isEqualTo(new PipelineResult(2, 3, 9 + 16, 15 + 2 * 14));
        assertThat(report.counters()).containsEntry("records", 3L).containsEntry("data_files", 2L);
        assertThat(report.warnings()).hasSize(3).allSatisfy(w -> assertThat(w.toString()).contains("test.warns"));
    }

    @Test
    void aRecordOverTheSizeLimitIsRefusedBeforeItIsHeldWholeOnOneThreadOrMany() throws IOException {
        StringBuilder big = new StringBuilder("{\"a\":\"");
        big.append("x".repeat(5000)).append("\"}");
        write("data/a.jsonl", "{\"a\":1}\n{\"a\":2}\n" + big + "\n{\"a\":3}\n");
        for (int threads : List.of(1, 2)) {
            RecordPipeline limited = new RecordPipeline(List.of(stage(MARK)), false, report, threads)
                    .forRun(new RecordRun("p", java.util.Map.of(), false, 1000));

            assertThatThrownBy(() -> limited.run(new TempFolderWorkspace(root)))
                    .as("%d thread(s)", threads)
                    .isInstanceOfSatisfying(RuleFailure.class, f -> {
                        assertThat(f.path()).isEqualTo("data/a.jsonl");
                        assertThat(f.location()).contains("line 3");
                        assertThat(f.getMessage()).startsWith("the record is longer than [data_migration] max_record_bytes"
                                + " (1000 bytes), so it was not read; raise max_record_bytes");
                    });
        }
        assertThat(read("data/a.jsonl")).startsWith("{\"a\":1}\n{\"a\":2}\n{\"a\":\"xxx");
    }
}
