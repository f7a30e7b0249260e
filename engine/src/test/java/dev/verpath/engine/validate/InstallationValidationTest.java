package dev.verpath.engine.validate;

import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.rules.Finding;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RuleSet;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationContext;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class InstallationValidationTest {

    /** A product "box" at 1.0.0 whose one rule checks every file of {@code sums.txt} ({@code <sha256> <path>}). */
    static final class Box implements RuleSet {
        static final ValidationDescriptor SUMS = new ValidationDescriptor("box.sums", "Sums", "Checks sums.txt.", "box",
                "1.0.0", ValidationCategory.INTEGRITY, Severity.ERROR);

        @Override
        public String id() {
            return "box";
        }

        @Override
        public List<Product> products() {
            return List.of(new Product("box", "A test product.", "box.conf", "data", "models"));
        }

        @Override
        public List<MigrationRule> rules() {
            return List.of();
        }

        @Override
        public List<ValidationRule> validations() {
            return List.of(new ValidationRule() {
                @Override
                public ValidationDescriptor descriptor() {
                    return SUMS;
                }

                @Override
                public List<Finding> check(ValidationContext context) throws IOException {
                    List<Finding> findings = new ArrayList<>();
                    for (String line : context.workspace().readString("sums.txt").lines().toList()) {
                        String[] parts = line.split(" ", 2);
                        if (!context.workspace().sha256(parts[1]).equals(parts[0])) {
                            findings.add(Finding.of(SUMS, parts[1], null, "differs", "Restore it."));
                        }
                    }
                    return findings;
                }
            });
        }
    }

    private static final Clock LATER = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(30));

    @TempDir
    Path root;

    private final List<String> progress = new ArrayList<>();
    private final InstallationValidation validation = new InstallationValidation(RuleRegistry.ofBuiltIns(new Box()),
            EngineSettings.defaults(), LATER);

    @BeforeEach
    void install() throws IOException {
        Files.writeString(root.resolve("VERSION"), "box 1.0.0\n");
        Files.createDirectories(root.resolve("models"));
        Files.writeString(root.resolve("models/a.safetensors"), "aaaa");
        Files.writeString(root.resolve("sums.txt"), dev.verpath.engine.files.HashCache.hash(root.resolve("models/a.safetensors"))
                + " models/a.safetensors\n");
    }

    private ValidationReport validate(Set<ValidationCategory> categories, boolean full) {
        return validation.validate(ValidationRequest.of(root, Optional.empty(), categories, false, full, false), progress::add);
    }

    @Test
    void aSecondValidationTakesUnchangedHashesFromTheStatCache() {
        ValidationReport first = validate(Set.of(), false);
        ValidationReport second = validate(Set.of(), false);
        ValidationReport full = validate(Set.of(), true);

        assertThat(first.findings()).isEmpty();
        assertThat(second.findings()).isEmpty();
        assertThat(full.findings()).isEmpty();
        assertThat(progress).containsExactly(
                "hashed 1 file(s), 4 B; 0 unchanged file(s) taken from the stat cache",
                "hashed 0 file(s), 0 B; 1 unchanged file(s) taken from the stat cache",
                "hashed 1 file(s), 4 B; 0 unchanged file(s) taken from the stat cache (--full: cache ignored)");
    }

    @Test
    void aChangedFileIsFoundDespiteTheCache() throws IOException, InterruptedException {
        validate(Set.of(), false);
        Thread.sleep(50);
        Files.writeString(root.resolve("models/a.safetensors"), "bbbb");

        ValidationReport report = validate(Set.of(), false);

        assertThat(report.findings()).extracting(Finding::ruleId, Finding::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("box.sums", "models/a.safetensors"));
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void onlyTheCategoriesAskedForAreChecked() throws IOException {
        Files.writeString(root.resolve("sums.txt"), "0".repeat(64) + " models/a.safetensors\n");
        Files.writeString(root.resolve("CON"), "x");

        ValidationReport compatibility = validate(Set.of(ValidationCategory.COMPATIBILITY), false);
        ValidationReport integrity = validate(Set.of(ValidationCategory.INTEGRITY), false);

        assertThat(compatibility.findings()).extracting(Finding::ruleId).containsExactly("engine.compatibility.windows-name");
        assertThat(compatibility.categories()).containsExactly(ValidationCategory.COMPATIBILITY);
        assertThat(integrity.findings()).extracting(Finding::ruleId).containsExactly("box.sums");
        assertThat(progress).as("nothing hashed for compatibility").hasSize(1);
    }

    @Test
    void aVersionNoRuleSetKnowsIsASchemaError() throws IOException {
        Files.writeString(root.resolve("VERSION"), "box 7.0.0\n");

        ValidationReport report = validate(Set.of(), false);

        assertThat(report.findings()).extracting(Finding::ruleId, Finding::category, Finding::severity, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("engine.schema.known-version", ValidationCategory.SCHEMA,
                        Severity.ERROR, "VERSION"));
        assertThat(report.findings().get(0).message()).contains("7.0.0").contains("known: 1.0.0");
    }

    @Test
    void anUnknownProductIsASchemaError() throws IOException {
        Files.writeString(root.resolve("VERSION"), "crate 1.0.0\n");

        ValidationReport report = validate(Set.of(), false);

        assertThat(report.findings()).extracting(Finding::ruleId).containsExactly("engine.schema.known-version");
        assertThat(report.findings().get(0).message()).contains("product 'crate'");
    }

    @Test
    void theEnginesValidateOfPathAndVersionRunsTheProductsRulesAlone() throws IOException {
        Files.writeString(root.resolve("CON"), "x");
        dev.verpath.engine.MigrationEngine engine = dev.verpath.engine.MigrationEngine.create(
                RuleRegistry.ofBuiltIns(new Box()), EngineSettings.defaults());

        assertThat(engine.validate(root, Optional.empty()).findings()).isEmpty();
        assertThat(engine.validate(ValidationRequest.of(root, Optional.empty(), Set.of(), false, false, false), line -> { })
                .findings()).extracting(Finding::ruleId).containsExactly("engine.compatibility.windows-name");
    }

    @Test
    void aRuleThatFailsToRunBecomesAnErrorFinding() throws IOException {
        Files.delete(root.resolve("sums.txt"));

        ValidationReport report = validate(Set.of(), false);

        assertThat(report.findings()).extracting(Finding::ruleId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("box.sums", Severity.ERROR));
    }
}
