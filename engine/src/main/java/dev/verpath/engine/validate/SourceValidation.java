package dev.verpath.engine.validate;

import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.rules.ErrorCode;
import dev.verpath.rules.Finding;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The validation of a migration's source, before anything is written: every category, the product's rules
 * at the source version and the engine's checks. An error (a warning too, under strict validation) stops
 * the migration before its backup, naming the first one; warnings are listed as progress lines. Switched
 * off by {@code validation.before_migration = false}.
 */
public final class SourceValidation {

    private static final int SHOWN_WARNINGS = 10;

    private SourceValidation() {
    }

    /**
     * Validates the source or fails.
     *
     * @param registry the loaded rules
     * @param settings the effective settings
     * @param view     a read-only view of the installation as it is (the run's hashes are reused later)
     * @param root     the installation root
     * @param excluded real folders to leave out (a backup folder inside the installation)
     * @param product  the product
     * @param version  the source version
     * @param progress receives a line per warning and a summary
     * @throws MigrationException with {@link ErrorCode#VALIDATION_FAILED} when the source has errors
     * @throws IOException        when the installation cannot be listed
     */
    public static void require(RuleRegistry registry, EngineSettings settings, Workspace view, Path root, Set<Path> excluded,
                               String product, String version, Consumer<String> progress) throws IOException {
        if (!settings.value("validation.before_migration").map(Boolean::parseBoolean).orElse(true)) {
            return;
        }
        progress.accept("validating the source at " + version);
        TreeScan tree = TreeScan.of(root, excluded, registry.product(product));
        List<Finding> findings = new ValidationRun(registry, Thresholds.of(settings))
                .findings(view, tree, product, version, EnumSet.allOf(ValidationCategory.class));
        boolean strict = Strictness.of(false, settings, registry, product);
        List<Finding> judged = strict ? Strictness.apply(findings) : findings;
        List<Finding> errors = judged.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        List<Finding> warnings = judged.stream().filter(f -> f.severity() == Severity.WARNING).toList();
        warnings.stream().limit(SHOWN_WARNINGS)
                .forEach(f -> progress.accept("  warning: " + where(f) + ": " + f.message() + " (" + f.ruleId() + ")"));
        if (warnings.size() > SHOWN_WARNINGS) {
            progress.accept("  ... and " + (warnings.size() - SHOWN_WARNINGS) + " more warning(s); 'migrate validate' lists them");
        }
        if (!errors.isEmpty()) {
            Finding f = errors.get(0);
            throw new MigrationException(ErrorCode.VALIDATION_FAILED, where(f) + ": " + f.message() + " (validation "
                    + f.ruleId() + " of the source at " + version + (errors.size() > 1 ? ", and " + (errors.size() - 1)
                    + " more error(s)" : "") + "); nothing was changed; " + f.remedy() + " Run 'migrate validate --path "
                    + root + "' for the full report.");
        }
    }

    private static String where(Finding f) {
        String at = f.location().map(l -> l.startsWith("line ") ? ":" + l.substring(5) : " (" + l + ")").orElse("");
        return (f.path().isEmpty() ? "(installation)" : f.path()) + at;
    }
}
