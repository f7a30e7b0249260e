package dev.verpath.engine.validate;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
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
 * at the source version and the engine's checks. Warnings are printed as progress lines when it runs. Its
 * errors (its warnings too, under strict validation) stop the migration before the backup, with one
 * exception: an error in a file the migration rewrites (or creates, moves, deletes) does not, because the
 * validation after each step judges the new content, and the rules report their own failures first, with
 * their own details (a serve model folder without {@code metadata.json}, for one, gets one written). The
 * check is switched off by {@code validation.before_migration = false}. Not thread-safe.
 */
public final class SourceValidation {

    private static final int SHOWN_WARNINGS = 10;

    private final List<Finding> errors;
    private final Path root;
    private final String version;
    private final Consumer<String> progress;

    private SourceValidation(List<Finding> errors, Path root, String version, Consumer<String> progress) {
        this.errors = errors;
        this.root = root;
        this.version = version;
        this.progress = progress;
    }

    /**
     * Validates the source and prints its warnings; the errors wait for {@link #require(Set)}.
     *
     * @param registry the loaded rules
     * @param settings the effective settings
     * @param view     a read-only view of the installation as it is (the run's hashes are reused later)
     * @param root     the installation root
     * @param excluded real folders to leave out (a backup folder inside the installation)
     * @param product  the product
     * @param version  the source version
     * @param progress receives a line per warning
     * @return the result
     * @throws IOException when the installation cannot be listed
     */
    public static SourceValidation check(RuleRegistry registry, EngineSettings settings, Workspace view, Path root,
                                         Set<Path> excluded, String product, String version, Consumer<String> progress)
            throws IOException {
        if (!settings.validateBeforeMigration()) {
            return new SourceValidation(List.of(), root, version, progress);
        }
        progress.accept("validating the source at " + version);
        TreeScan tree = TreeScan.of(root, excluded, registry.files(product));
        List<Finding> findings = new ValidationRun(registry, java.util.Optional.of(Thresholds.of(settings)), settings.maxRecordBytes())
                .findings(view, tree, product, version, EnumSet.allOf(ValidationCategory.class));
        List<Finding> judged = Strictness.of(false, settings, registry, product) ? Strictness.apply(findings) : findings;
        List<Finding> warnings = judged.stream().filter(f -> f.severity() == Severity.WARNING).toList();
        warnings.stream().limit(SHOWN_WARNINGS)
                .forEach(f -> progress.accept("  warning: " + where(f) + ": " + f.message() + " (" + f.ruleId() + ")"));
        if (warnings.size() > SHOWN_WARNINGS) {
            progress.accept("  ... and " + (warnings.size() - SHOWN_WARNINGS) + " more warning(s); 'migrate validate' lists them");
        }
        return new SourceValidation(judged.stream().filter(f -> f.severity() == Severity.ERROR).toList(), root, version,
                progress);
    }

    /**
     * Fails on the first error in a file the migration leaves as it is.
     *
     * @param rewritten the paths the migration changes, creates, moves or deletes
     * @throws MigrationException with {@link ErrorCode#VALIDATION_FAILED} naming the error
     */
    public void require(Set<String> rewritten) {
        List<Finding> blocking = errors.stream().filter(f -> f.path().isEmpty() || !rewritten.contains(f.path())).toList();
        errors.stream().filter(f -> !blocking.contains(f)).forEach(f -> progress.accept("  source error in a file the "
                + "migration rewrites (checked again after each step): " + where(f) + ": " + f.message() + " (" + f.ruleId() + ")"));
        if (!blocking.isEmpty()) {
            // every error of the first failing check is named, so that one run tells the operator all of them
            Finding f = blocking.get(0);
            List<String> named = blocking.stream().filter(b -> b.ruleId().equals(f.ruleId()))
                    .map(b -> where(b) + ": " + b.message()).toList();
            int others = blocking.size() - named.size();
            throw new InputFailure(ErrorCode.VALIDATION_FAILED, ProblemList.of(named, "errors of this check")
                    + " (validation " + f.ruleId() + " of the source at " + version + (others > 0 ? ", and " + others
                    + " more error(s) of other checks" : "") + "); nothing was changed; " + f.remedy()
                    + " Run 'migrate validate --path " + root + "' for the full report.");
        }
    }

    private static String where(Finding f) {
        return new FileLocation(f.path(), f.location()).toString();
    }
}
