package dev.verpath.engine.execute;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.engine.validate.ValidationRequest;
import dev.verpath.rules.FileRule;
import dev.verpath.rules.Finding;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RecordContext;
import dev.verpath.rules.RecordReader;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RecordView;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.RuleSet;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationContext;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Validation gates each step on what the step wrote: a validation that reads record files sees the records of its
 * version (at the end of a fused pass and at an intermediate version alike), {@code migrate validate} runs the
 * record checks migration runs and parses the config files migration would, and the engine's content checks judge
 * the files a rule wrote before the commit.
 */
class StepValidationTest {

    @TempDir
    Path work;

    private Path root;
    private final List<String> progress = new ArrayList<>();

    private static ValidationDescriptor describe(String id, String version) {
        return new ValidationDescriptor(id, "Toy " + id, "A toy check.", "toy", version, ValidationCategory.SCHEMA,
                Severity.ERROR);
    }

    /** A validation that reads every record file and reports each record the test names as wrong. */
    private record RecordsValidation(String id, String version, String field, boolean wrongWhenPresent, boolean declaresRecords)
            implements ValidationRule {

        @Override
        public ValidationDescriptor descriptor() {
            return describe(id, version);
        }

        @Override
        public boolean readsRecordFiles() {
            return declaresRecords;
        }

        @Override
        public List<Finding> check(ValidationContext context) throws IOException {
            List<Finding> findings = new ArrayList<>();
            for (String path : context.workspace().files("data/**/*.jsonl")) {
                context.readRecords(path, line -> line.record().filter(r -> r.has(field) == wrongWhenPresent).ifPresent(r ->
                        findings.add(Finding.of(descriptor(), path, "line " + line.line(), "record " + (wrongWhenPresent
                                ? "has field " : "has no ") + field, "Fix the record."))));
            }
            return findings;
        }
    }

    /** 1.0.0 to 2.0.0: renames ts to timestamp where there is one and drops the field drop. */
    private record RenameTs() implements RecordRule {
        @Override
        public dev.verpath.rules.RuleDescriptor descriptor() {
            return ToyRules.descriptor("toy.2.0.0.data", "1.0.0", "2.0.0", RuleKind.DATA, "data/**/*.jsonl");
        }

        @Override
        public void transform(RecordView record, RecordContext context) {
            record.rename("ts", "timestamp");
            record.remove("drop");
        }
    }

    /** 1.0.0 to 2.0.0: edits app.toml, and writes what its comment lines ask for. */
    private record WriteConfig() implements FileRule {
        @Override
        public dev.verpath.rules.RuleDescriptor descriptor() {
            return ToyRules.descriptor("toy.2.0.0.config", "1.0.0", "2.0.0", RuleKind.CONFIG, "**");
        }

        @Override
        public void apply(RuleContext context) throws IOException {
            context.editToml("app.toml", toml -> toml.set("version", dev.verpath.rules.json.JsonValue.of("2.0.0")));
            String text = context.workspace().readString("app.toml");
            if (text.contains("# add-http")) {
                text += "endpoint = \"http://models.example.com/v1\"\n";
            }
            if (text.contains("# add-secret")) {
                text += "api_key = \"sk-live-0123456789\"\n";
            }
            if (text.contains("# add-broken")) {
                text += "broken = \n";
            }
            context.workspace().writeString("app.toml", text);
            if (text.contains("# add-escape")) {
                context.workspace().writeString("models/m/metadata.json",
                        "{\"files\": [{\"path\": \"../../../outside.bin\", \"size\": 1}]}\n");
            }
        }
    }

    /** A record check at 2.0.0 that wants a timestamp. */
    private static final RecordCheck TIMESTAMP = new RecordCheck() {
        @Override
        public ValidationDescriptor descriptor() {
            return describe("toy.2.0.0.record", "2.0.0");
        }

        @Override
        public Optional<String> check(RecordReader record) {
            return record.has("timestamp") ? Optional.empty() : Optional.of("field timestamp is missing");
        }
    };

    /** The toy product with the given validations and record checks. */
    private record Ledger(List<ValidationRule> validations, List<RecordCheck> recordChecks) implements RuleSet {
        @Override
        public String id() {
            return "ledger";
        }

        @Override
        public List<Product> products() {
            return List.of(new Product("toy", "A toy product.", "app.toml", "data", "models"));
        }

        @Override
        public List<MigrationRule> rules() {
            return List.of(new ToyRules.StampRecords("0.1.0", "1.0.0"), new RenameTs(), new WriteConfig());
        }
    }

    private void install(String version, String records, String config) throws IOException {
        root = work.resolve("inst");
        Files.createDirectories(root.resolve("data"));
        Files.createDirectories(root.resolve("models/m"));
        Files.writeString(root.resolve("VERSION"), "toy " + version + "\n");
        Files.writeString(root.resolve("app.toml"), config);
        Files.writeString(root.resolve("data/a.jsonl"), records);
    }

    private MigrationEngine engine(List<ValidationRule> validations, String settings) throws IOException {
        Path file = Files.writeString(work.resolve("migration_config.toml"), settings);
        // the record check would stop a record without a timestamp before any validation after the step sees it
        List<RecordCheck> checks = validations.isEmpty() ? List.of(TIMESTAMP) : List.of();
        return MigrationEngine.create(RuleRegistry.ofBuiltIns(new Ledger(validations, checks)),
                new SettingsLoader(Map.of()).load(Optional.of(file), Map.of()));
    }

    private RunResult migrate(List<ValidationRule> validations, String settings) throws IOException {
        return engine(validations, settings).migrate(new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(),
                Optional.of("2.0.0"), false, false, true, false), progress::add);
    }

    private void assertRefused(List<ValidationRule> validations, String settings, String... says) throws IOException {
        String records = Files.readString(root.resolve("data/a.jsonl"));
        String config = Files.readString(root.resolve("app.toml"));
        String version = Files.readString(root.resolve("VERSION"));
        assertThatThrownBy(() -> migrate(validations, settings)).isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.VALIDATION_FAILED))
                .satisfies(e -> assertThat(e.getMessage()).contains(says).contains("the installation is unchanged"));
        assertThat(Files.readString(root.resolve("data/a.jsonl"))).isEqualTo(records);
        assertThat(Files.readString(root.resolve("app.toml"))).isEqualTo(config);
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo(version);
        assertThat(root.resolve("models/m/metadata.json")).doesNotExist();
    }

    private List<Finding> validate(String settings) throws IOException {
        return engine(List.of(), settings).validate(ValidationRequest.of(root, Optional.empty(),
                EnumSet.allOf(ValidationCategory.class), false, false, false), line -> { }).findings();
    }

    private static String shown(Finding f) {
        return f.ruleId() + " " + f.path() + " " + f.location().orElse("") + ": " + f.message();
    }

    // a validation after a step sees the step's output

    @Test
    void aValidationReadingRecordsAfterTheLastStepOfAPassSeesTheRecordsTheStepWrote() throws IOException {
        install("1.0.0", "{\"ts\":1}\n{\"id\":2}\n", "name = \"a\"\n");

        assertRefused(List.of(new RecordsValidation("toy.2.0.0.timestamps", "2.0.0", "timestamp", false, true)), "",
                "data/a.jsonl:2: record has no timestamp (validation toy.2.0.0.timestamps after step 1.0.0 -> 2.0.0)");
    }

    @Test
    void aValidationReadingRecordsAtAnIntermediateVersionSeesTheRecordsOfThatVersion() throws IOException {
        install("0.1.0", "{\"ts\":1,\"drop\":true}\n", "name = \"a\"\n");

        assertRefused(List.of(new RecordsValidation("toy.1.0.0.no-drop", "1.0.0", "drop", true, true)), "",
                "data/a.jsonl:1: record has field drop (validation toy.1.0.0.no-drop after step 0.1.0 -> 1.0.0)");
    }

    @Test
    void aValidationThatReadsNoRecordFilesKeepsTheStepsInOneStreamingPass() throws IOException {
        install("0.1.0", "{\"ts\":1,\"drop\":true}\n", "name = \"a\"\n");

        migrate(List.of(new RecordsValidation("toy.1.0.0.no-drop", "1.0.0", "drop", true, false)), "");

        assertThat(progress).contains("streaming records through 2 step(s) in one pass");
        assertThat(Files.readString(root.resolve("data/a.jsonl"))).isEqualTo("{\"timestamp\":1,\"v\":\"1.0.0\"}\n");
    }

    // validate runs what migration runs

    @Test
    void validateRunsTheRecordChecksOnTheInstalledRecordsInTheWordsOfTheMigration() throws IOException {
        install("2.0.0", "{\"timestamp\":\"t\"}\n{\"id\":2}\n", "name = \"a\"\n");

        assertThat(validate("")).extracting(StepValidationTest::shown)
                .containsExactly("toy.2.0.0.record data/a.jsonl line 2: field timestamp is missing");

        install("1.0.0", "{\"ts\":1}\n{\"id\":2}\n", "name = \"a\"\n");
        assertThatThrownBy(() -> migrate(List.of(), "")).hasMessageContaining(
                "data/a.jsonl:2: record does not match 2.0.0 (toy.2.0.0.record): field timestamp is missing");
    }

    @Test
    void validateReportsARecordLineMigrationWouldRefuse() throws IOException {
        install("2.0.0", "{\"timestamp\":\"t\"}\n[1]\n", "name = \"a\"\n");

        assertThat(validate("")).extracting(StepValidationTest::shown)
                .containsExactly("engine.schema.record-syntax data/a.jsonl line 2: not a JSON object: found an array");
    }

    @Test
    void validateReportsConfigFilesThatDoNotParseInTheWordsOfTheMigration() throws IOException {
        install("2.0.0", "{\"timestamp\":\"t\"}\n", "name = \"a\"\nport = \n");
        Files.createDirectories(root.resolve("conf"));
        Files.writeString(root.resolve("conf/extra.json"), "{\n  \"a\": 1,\n  \"b\": \n}\n");
        Files.writeString(root.resolve("conf/list.json"), "[1, 2]\n");

        List<Finding> findings = validate("");

        assertThat(findings).extracting(f -> f.ruleId() + " " + f.path() + " " + f.location().orElse("") + " " + f.severity())
                .containsExactly("engine.schema.config-syntax app.toml line 2 ERROR",
                        "engine.schema.config-syntax conf/extra.json line 4 ERROR");
        assertThat(findings.get(0).message()).startsWith("not valid TOML: ");
        assertThat(findings.get(1).message()).startsWith("not valid JSON: ");

        Files.writeString(root.resolve("VERSION"), "toy 1.0.0\n");
        String said = findings.get(0).message();
        assertThatThrownBy(() -> migrate(List.of(), "")).hasMessageContaining("app.toml:2: " + said);
    }

    // the engine's content checks judge what a rule wrote

    @Test
    void aRuleThatWritesAPathOutOfTheInstallationFailsTheStep() throws IOException {
        install("1.0.0", "{\"ts\":1}\n", "name = \"a\"\n# add-escape\n");

        assertRefused(List.of(), "", "models/m/metadata.json (key files[0].path): lists ../../../outside.bin, a path that"
                + " leaves the installation (validation engine.security.path-escape after step 1.0.0 -> 2.0.0)");
    }

    @Test
    void aRuleThatWritesAConfigFileThatDoesNotParseFailsTheStep() throws IOException {
        install("1.0.0", "{\"ts\":1}\n", "name = \"a\"\n# add-broken\n");

        assertRefused(List.of(), "", "app.toml:4: not valid TOML", "(validation engine.schema.config-syntax after step"
                + " 1.0.0 -> 2.0.0)");
    }

    @Test
    void aRuleThatWritesAPlainHttpEndpointWarnsAndUnderStrictValidationFailsTheStep() throws IOException {
        install("1.0.0", "{\"ts\":1}\n", "name = \"a\"\n# add-http\n");

        assertRefused(List.of(), "[validation]\nstrict = true\n", "app.toml:4: plain http:// source"
                + " http://models.example.com/v1", "(validation engine.security.plain-http after step 1.0.0 -> 2.0.0)");

        RunResult result = migrate(List.of(), "");
        assertThat(result.warnings()).anySatisfy(w -> {
            assertThat(w.ruleId()).isEqualTo("engine.security.plain-http");
            assertThat(w.path()).isEqualTo("app.toml");
            assertThat(w.message()).startsWith("line 4: plain http:// source http://models.example.com/v1");
        });
    }

    @Test
    void aRuleThatWritesASecretIntoAConfigFileFailsTheStepUnderStrictValidation() throws IOException {
        install("1.0.0", "{\"ts\":1}\n", "name = \"a\"\n# add-secret\n");

        assertRefused(List.of(), "[validation]\nstrict = true\n", "app.toml:4: key api_key holds a secret in clear text",
                "(validation engine.security.secret-in-config after step 1.0.0 -> 2.0.0)");
    }
}
