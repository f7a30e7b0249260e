package dev.verpath.engine.validate;

import com.github.zafarkhaja.semver.Version;
import dev.verpath.engine.edit.EditedJson;
import dev.verpath.engine.edit.TomlText;
import dev.verpath.engine.failure.Excerpt;
import dev.verpath.engine.plugin.LoadedRuleSet;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.records.RecordFile;
import dev.verpath.engine.records.RecordRun;
import dev.verpath.rules.Finding;
import dev.verpath.rules.JsonDocument;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RecordLine;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.Severity;
import dev.verpath.rules.TomlDocument;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationContext;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the validation rules that apply to a product at a version and gathers their findings, sorted by
 * category, path, then rule. A rule that throws becomes an error finding of its own; it never stops the
 * others. The engine's own checks ({@link EngineChecks}) are not run here: {@link ValidationRun} adds them.
 */
public final class InstallationValidator {

    /** The order of findings in reports: category, path, location, rule, message. */
    public static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> f.category().ordinal())
            .thenComparing(Finding::path)
            .thenComparing(f -> f.location().orElse(""))
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    private final RuleRegistry registry;
    private final long maxRecordBytes;

    /**
     * @param registry the loaded rules
     */
    public InstallationValidator(RuleRegistry registry) {
        this(registry, RecordRun.DEFAULT_MAX_RECORD_BYTES);
    }

    /**
     * @param registry       the loaded rules
     * @param maxRecordBytes the longest record line validation reads whole ({@code [data_migration] max_record_bytes})
     */
    public InstallationValidator(RuleRegistry registry, long maxRecordBytes) {
        this.registry = registry;
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * @param workspace a read-only view of the installation
     * @param product   the product
     * @param version   the version the installation should be at
     * @return the findings, sorted
     */
    public List<Finding> validate(Workspace workspace, String product, String version) {
        return validate(workspace, product, version, EnumSet.allOf(ValidationCategory.class));
    }

    /**
     * Runs the rules of the given categories only.
     *
     * @param workspace  a read-only view of the installation
     * @param product    the product
     * @param version    the version the installation should be at
     * @param categories the categories whose rules run
     * @return the findings, sorted
     */
    public List<Finding> validate(Workspace workspace, String product, String version, Set<ValidationCategory> categories) {
        List<Finding> findings = new ArrayList<>();
        ValidationContext context = context(workspace, product, version);
        for (ValidationRule rule : registry.validations()) {
            ValidationDescriptor d = rule.descriptor();
            if (d.product().equals(product) && covers(d.versions(), version) && categories.contains(d.category())) {
                findings.addAll(run(rule, context));
            }
        }
        findings.sort(ORDER);
        return List.copyOf(findings);
    }

    /** @return what a validation rule sees: the workspace, the product and version, and the engine's readers */
    private ValidationContext context(Workspace workspace, String product, String version) {
        return new ValidationContext() {
            @Override
            public Workspace workspace() {
                return workspace;
            }

            @Override
            public String product() {
                return product;
            }

            @Override
            public String version() {
                return version;
            }

            @Override
            public void readRecords(String path, Consumer<RecordLine> each) throws IOException {
                try (InputStream in = workspace.open(path)) {
                    RecordFile.read(in, maxRecordBytes, each);
                }
            }

            @Override
            public TomlDocument readToml(String path) throws IOException {
                return new TomlText(path, workspace.readString(path));
            }

            @Override
            public JsonDocument readJson(String path) throws IOException {
                return new EditedJson(path, workspace.readString(path));
            }
        };
    }

    /** @return the rule's findings, or the one error finding that says why it could not run */
    private List<Finding> run(ValidationRule rule, ValidationContext context) {
        ValidationDescriptor d = rule.descriptor();
        try {
            // copied here, so that a rule returning null fails as a rule that throws does
            return new ArrayList<>(rule.check(context));
        } catch (RuleFailure e) {
            return List.of(new Finding(d.id(), d.category(), Severity.ERROR, e.path(), e.location(),
                    e.getMessage(), "fix the file and run again"));
        } catch (IOException | UncheckedIOException e) {
            return List.of(new Finding(d.id(), d.category(), Severity.ERROR, "", Optional.empty(),
                    "validation rule could not read the installation: " + Excerpt.reason(e),
                    "check the installation's permissions and run again"));
        } catch (RuntimeException e) {
            String origin = registry.origin(d.id()).filter(o -> !o.equals(LoadedRuleSet.BUILT_IN))
                    .map(o -> " of " + o).orElse("");
            return List.of(new Finding(d.id(), d.category(), Severity.ERROR, "", Optional.empty(),
                    "validation rule " + d.id() + origin + " failed to run: " + Excerpt.reason(e),
                    "this is a bug in the rule, not in your data: report it to the rule's authors"));
        }
    }

    /**
     * Whether a validation of a product at a version reads record files ({@link ValidationRule#readsRecordFiles()}).
     *
     * @param product the product
     * @param version the version
     * @return true when one does
     */
    public boolean readsRecordFiles(String product, String version) {
        return registry.validations().stream().anyMatch(r -> r.descriptor().product().equals(product)
                && covers(r.descriptor().versions(), version) && r.readsRecordFiles());
    }

    /**
     * The record checks for a product at a version.
     *
     * @param product the product
     * @param version the version
     * @return the checks, sorted by id
     */
    public List<RecordCheck> recordChecks(String product, String version) {
        return registry.recordChecks().stream()
                .filter(c -> c.descriptor().product().equals(product) && covers(c.descriptor().versions(), version))
                .toList();
    }

    /**
     * Whether a version text lies in a range text ({@code 1.0.0}, {@code >=1.0.0 <2.0.0}, {@code >=1.0.0 && <2.0.0}).
     *
     * @param range   the range
     * @param version the version
     * @return true when it does
     */
    public static boolean covers(String range, String version) {
        String expression = range.trim().replaceAll("(?<=[0-9A-Za-z])\\s+(?=[<>=!~^])", " & ");
        try {
            return Version.parse(version).satisfies(expression);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether any finding is an error, or under strict validation a warning.
     *
     * @param findings the findings
     * @param strict   whether warnings count as errors
     * @return true when validation failed
     */
    public static boolean failed(List<Finding> findings, boolean strict) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR || (strict && f.severity() == Severity.WARNING));
    }

    /** @return the category order used in reports */
    public static List<ValidationCategory> categories() {
        return List.of(ValidationCategory.values());
    }
}
