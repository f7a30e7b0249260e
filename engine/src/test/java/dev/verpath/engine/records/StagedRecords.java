package dev.verpath.engine.records;

import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RecordReader;
import dev.verpath.rules.RecordEdit;
import dev.verpath.rules.RecordEdits;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.RuleReport;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Random stages (rules of random edits, record checks) run over lines of a few shapes, for
 * {@link FastPathPropertyTest}: the fused plans of one {@link RecordStages} against the step-by-step reference, what
 * each line comes to (its bytes or its failure) and the warnings, in order.
 */
final class StagedRecords {

    private static final String[] VERSIONS = {"1.0.0", "2.0.0", "3.0.0", "4.0.0"};
    private static final String[] PATHS = {"id", "ts", "a", "b", "usage", "metrics.latency_ms", "usage.a", "new",
        "grp.x", "latency_ms"};

    final List<RecordPipeline.Stage> stages = new ArrayList<>();

    /** One to three stages of one or two rules each, with a check or two. */
    StagedRecords(Random r, RecordGenerator generate) {
        int count = 1 + r.nextInt(3);
        for (int s = 0; s < count; s++) {
            List<RecordRule> rules = new ArrayList<>();
            for (int n = 1 + r.nextInt(2); n > 0; n--) {
                List<RecordEdit> edits = new ArrayList<>(r.nextInt(4) == 0 ? generate.plan(r) : generate.safePlan(r));
                if (r.nextInt(3) == 0) {
                    String p = PATHS[r.nextInt(PATHS.length)];
                    edits.add(r.nextInt(edits.size() + 1), RecordEdit.map(p, (v, c) -> {
                        c.report().warn(c.path(), "line " + c.line() + ": saw " + v.kind());
                        return v instanceof JsonNumber ? JsonValue.of(v.kind() + "!") : v;
                    }));
                }
                rules.add(new RecordEdits(new RuleDescriptor("test.s" + s + "r" + n, "Test plan", "Edits records.",
                        "serve", VERSIONS[s], VERSIONS[s + 1], RuleKind.DATA, List.of(), false, "1",
                        List.of("data/*.jsonl")), edits));
            }
            List<RecordCheck> checks = new ArrayList<>();
            for (int n = r.nextInt(3); n > 0; n--) {
                checks.add(check(r, VERSIONS[s + 1] + "." + n));
            }
            stages.add(new RecordPipeline.Stage(VERSIONS[s], VERSIONS[s + 1], rules, checks));
        }
    }

    /** A check that reads a path or the whole record, and finds a problem in a few records. */
    private static RecordCheck check(Random r, String id) {
        ValidationDescriptor descriptor = new ValidationDescriptor("test." + id, "Test check", "Checks records.", "serve",
                id.substring(0, 5), ValidationCategory.SCHEMA, Severity.ERROR);
        String p = PATHS[r.nextInt(PATHS.length)];
        return switch (r.nextInt(4)) {
            case 0 -> RecordCheck.of(descriptor, record -> record.get(p)
                    .filter(v -> v instanceof JsonNumber n && n.literal().equals("7")).map(v -> p + " is 7"));
            case 1 -> RecordCheck.of(descriptor, record -> record.isObject(p) && record.has(p + ".caf\u00e9")
                    ? Optional.of(p + " holds café") : Optional.empty());
            case 2 -> RecordCheck.of(descriptor, record -> record.isNumber(p, "7") || record.kind(p).equals("a boolean")
                    || record.has(p) == record.kind(p).equals(RecordReader.MISSING)
                    ? Optional.of(p + " is " + record.kind(p)) : Optional.empty());
            default -> RecordCheck.of(descriptor, record -> record.toObject().members().size() == 3
                    ? Optional.of("three fields: " + record.fieldNames()) : Optional.empty());
        };
    }

    /** A worker's stages over the file, fused or not, with the warnings of its rules. */
    final class Worker {
        final List<String> warnings = new ArrayList<>();
        final RecordStages recordStages;

        Worker() {
            List<RecordStages.Applied> applied = stages.stream().map(s -> new RecordStages.Applied(s, s.rules())).toList();
            recordStages = new RecordStages("data/a.jsonl", applied, new RecordRun("serve", java.util.Map.of(), false),
                    Optional.empty(), new RecordReports() {
                        @Override
                        public RuleReport forRule(String ruleId) {
                            return new RuleReport() {
                                @Override
                                public void warn(String path, String message) {
                                    warnings.add(ruleId + " " + path + ": " + message);
                                }

                                @Override
                                public void count(String counter, long delta) {
                                }
                            };
                        }

                        @Override
                        public void sourceProblem(String checkId, long line, String problem) {
                        }
                    });
        }

        private final LazyRecord reading = LazyRecord.over(null);

        /** What a line comes to: its bytes, or the failure's class and message; then the warnings it gave. */
        String outcome(String line, long number, boolean fused) throws IOException {
            byte[] bytes = ("x" + line + "y").getBytes(StandardCharsets.UTF_8);
            String result;
            try {
                // the fused worker reads as the pipeline's workers do: into one record and the scanner's own objects
                LazyRecord record = fused ? reading.parseAgain(LineScanner.of(), bytes, 1, bytes.length - 2)
                        : LazyRecord.parse(bytes, 1, bytes.length - 2);
                MigratedRecord written = record;
                if (fused) {
                    written = recordStages.migrate(record, number);
                } else {
                    recordStages.stepByStep(record, number, EditTrace.NONE);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                written.write(out);
                result = out.toString(StandardCharsets.UTF_8);
            } catch (RuntimeException | RecordSyntax.NotAnObjectException e) {
                result = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            result += " " + warnings;
            warnings.clear();
            return result;
        }
    }
}
