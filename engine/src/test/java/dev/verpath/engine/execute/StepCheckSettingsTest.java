package dev.verpath.engine.execute;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.rules.Finding;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RecordReader;
import dev.verpath.rules.RuleSet;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationContext;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checks around each step follow their settings: {@code format_validation} (config files' schema),
 * {@code validate_integrity} (records in memory) and {@code validate_models} (model files); each, when false,
 * lets a step through that its check would stop.
 */
class StepCheckSettingsTest {

    @TempDir
    Path work;

    private Path root;

    /** A toy product whose 1.0.0 checks fail on purpose: a config saying "broken", a record "bad", a file "models/bad". */
    private static final class CheckedToy implements RuleSet {

        private static ValidationDescriptor describe(String id, ValidationCategory category) {
            return new ValidationDescriptor(id, "Toy " + id, "A toy check.", "toy", "1.0.0", category, Severity.ERROR);
        }

        private static ValidationRule rule(String id, ValidationCategory category, String path, String needle) {
            return new ValidationRule() {
                @Override
                public ValidationDescriptor descriptor() {
                    return describe(id, category);
                }

                @Override
                public List<Finding> check(ValidationContext context) throws IOException {
                    boolean bad = context.workspace().isFile(path) && context.workspace().readString(path).contains(needle);
                    return bad ? List.of(Finding.of(descriptor(), path, null, "is " + needle, "Fix it.")) : List.of();
                }
            };
        }

        @Override
        public String id() {
            return "checked-toy";
        }

        @Override
        public List<Product> products() {
            return List.of(new Product("toy", "A toy product.", "app.conf", "data", "models"));
        }

        @Override
        public List<MigrationRule> rules() {
            return List.of(new ToyRules.AppendConfig("0.1.0", "1.0.0"), new ToyRules.StampRecords("0.1.0", "1.0.0"));
        }

        @Override
        public List<ValidationRule> validations() {
            return List.of(rule("toy.config-schema", ValidationCategory.SCHEMA, "app.conf", "broken"),
                    rule("toy.model-integrity", ValidationCategory.INTEGRITY, "models/m1/meta.txt", "bad"));
        }

        @Override
        public List<RecordCheck> recordChecks() {
            return List.of(new RecordCheck() {
                @Override
                public ValidationDescriptor descriptor() {
                    return describe("toy.record", ValidationCategory.SCHEMA);
                }

                @Override
                public Optional<String> check(RecordReader record) {
                    return record.get("bad").isPresent() ? Optional.of("field bad is set") : Optional.empty();
                }
            });
        }
    }

    private void install(String config, String record, String meta) throws IOException {
        root = work.resolve("inst");
        Files.createDirectories(root.resolve("data"));
        Files.createDirectories(root.resolve("models/m1"));
        Files.writeString(root.resolve("VERSION"), "toy 0.1.0\n");
        Files.writeString(root.resolve("app.conf"), config);
        Files.writeString(root.resolve("data/a.jsonl"), record);
        Files.writeString(root.resolve("models/m1/meta.txt"), meta);
    }

    private void migrate(String settings) throws IOException {
        Path file = Files.writeString(work.resolve("migration_config.toml"), settings);
        MigrationEngine engine = MigrationEngine.create(RuleRegistry.ofBuiltIns(new CheckedToy()),
                new SettingsLoader(Map.of()).load(Optional.of(file), Map.of()));
        engine.migrate(new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(), Optional.of("1.0.0"),
                false, false, true, false), line -> { });
    }

    private static void assertStopped(ThrowingRun run, String says) {
        assertThatThrownBy(run::run).isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.VALIDATION_FAILED))
                .hasMessageContaining(says);
    }

    private interface ThrowingRun {
        void run() throws IOException;
    }

    @Test
    void formatValidationFalseLetsAConfigFileThroughThatFailsItsSchema() throws IOException {
        install("mode = broken\n", "{\"id\":1}\n", "ok\n");
        assertStopped(() -> migrate(""), "app.conf: is broken");

        migrate("[config_migration]\nformat_validation = false\n");

        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("toy 1.0.0\n");
    }

    @Test
    void validateModelsFalseLetsAModelFileThroughThatFailsItsCheck() throws IOException {
        install("mode = fine\n", "{\"id\":1}\n", "bad\n");
        assertStopped(() -> migrate(""), "models/m1/meta.txt: is bad");

        migrate("[model_migration]\nvalidate_models = false\n");

        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("toy 1.0.0\n");
    }

    @Test
    void validateIntegrityFalseLetsARecordThroughThatFailsItsCheck() throws IOException {
        install("mode = fine\n", "{\"id\":1,\"bad\":true}\n", "ok\n");
        assertThatThrownBy(() -> migrate("")).isInstanceOf(MigrationException.class).hasMessageContaining("field bad is set");

        migrate("[data_migration]\nvalidate_integrity = false\n");

        assertThat(Files.readString(root.resolve("data/a.jsonl"))).isEqualTo("{\"id\":1,\"bad\":true,\"v\":\"1.0.0\"}\n");
    }
}
