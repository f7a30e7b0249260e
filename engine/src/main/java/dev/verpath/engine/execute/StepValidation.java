package dev.verpath.engine.execute;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.plan.PlanStep;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.records.RunReport;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.validate.InstallationValidator;
import dev.verpath.engine.validate.ReadOnlyView;
import dev.verpath.engine.validate.StepOutputChecks;
import dev.verpath.engine.validate.Strictness;
import dev.verpath.engine.workspace.ShadowWorkspace;
import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The validation after each step of a shadow run: the product's validation rules at the step's target on a read-only
 * view of the shadow, and the engine's content checks on the files the run has written so far. The first error
 * (under strict validation, warning) stops the run, naming the file, the line, the check and the step; nothing has
 * been committed then. A warning of the content checks that the source did not have in that file becomes a warning
 * of the run, once. Not thread-safe; one per run.
 */
final class StepValidation {

    private final RuleRegistry registry;
    private final EngineSettings settings;
    private final InstallationValidator validator;
    private final UnaryOperator<String> ruleName;
    private final Path root;
    private final Set<String> warned = new HashSet<>();

    /**
     * @param registry  the loaded rules
     * @param settings  the effective settings
     * @param validator runs the product's validation rules
     * @param ruleName  names a rule or check by id for messages ({@code rule <id>}, with its plugin)
     * @param root      the installation root
     */
    StepValidation(RuleRegistry registry, EngineSettings settings, InstallationValidator validator,
                   UnaryOperator<String> ruleName, Path root) {
        this.registry = registry;
        this.settings = settings;
        this.validator = validator;
        this.ruleName = ruleName;
        this.root = root;
    }

    /**
     * Validates the shadow after a step.
     *
     * @param product the product
     * @param step    the step that just ran
     * @param shadow  the shadow run
     * @param hidden  globs of files the validation rules may not see (a fused record pass's, inside the pass)
     * @param report  the run's report, for warnings
     * @throws IOException when a written file cannot be read
     */
    void after(String product, PlanStep step, ShadowWorkspace shadow, Set<String> hidden, RunReport report)
            throws IOException {
        StepChecks checks = StepChecks.of(settings, registry.files(product));
        StepOutputChecks output = StepOutputChecks.of(shadow, root, registry.files(product));
        List<Finding> findings = new ArrayList<>(validator.validate(new ReadOnlyView(shadow, hidden), product, step.to()));
        findings.addAll(output.findings());
        findings.sort(InstallationValidator.ORDER);
        List<Finding> judged = findings.stream()
                .filter(f -> f.path().isEmpty() || shadow.live().real(f.path()).isPresent())
                .filter(checks::judged)
                .toList();
        boolean strict = Strictness.of(false, settings, registry, product);
        Optional<Finding> error = judged.stream().filter(f -> InstallationValidator.failed(List.of(f), strict)).findFirst();
        if (error.isPresent()) {
            Finding f = error.get();
            throw new InputFailure(ErrorCode.VALIDATION_FAILED, (f.path().isEmpty() ? "(installation)"
                    : shadow.live().display(f.path())) + StepRunner.at(f.location()) + ": " + f.message() + " (validation "
                    + ruleName.apply(f.ruleId()).substring("rule ".length()) + " after step " + step.from() + " -> "
                    + step.to() + "); the installation is unchanged; " + f.remedy());
        }
        for (Finding f : output.findings()) {
            if (f.severity() == Severity.WARNING && output.introduced(f)
                    && warned.add(f.ruleId() + "\n" + f.path() + "\n" + f.message())) {
                report.forRule(f.ruleId()).warn(f.path(), f.location().map(l -> l + ": ").orElse("") + f.message()
                        + " (written by the migration). " + f.remedy());
            }
        }
    }
}
