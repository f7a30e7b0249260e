package dev.verpath.engine.execute;

import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.workspace.RelativePath;
import dev.verpath.rules.Finding;
import dev.verpath.rules.Product;
import dev.verpath.rules.ValidationCategory;
import java.util.Optional;

/**
 * Which findings of the validation after each step are judged, as the settings say: with {@code [config_migration]
 * format_validation = false} the schema findings about config files (the product's config file and the files of
 * its folder) are not, with {@code [model_migration] validate_models = false} the schema and integrity findings
 * about the models folder are not. Security findings are always judged. {@code migrate validate} judges
 * everything. Immutable.
 *
 * @param formats whether config files' schema findings are judged
 * @param models  whether the models folder's schema and integrity findings are judged
 * @param layout  the product's layout, when known
 */
record StepChecks(boolean formats, boolean models, Optional<Product> layout) {

    /**
     * @param settings the effective settings
     * @param layout   the product's layout, when known
     * @return the checks
     */
    static StepChecks of(EngineSettings settings, Optional<Product> layout) {
        return new StepChecks(settings.formatValidation(), settings.validateModels(), layout);
    }

    /**
     * @param finding a finding of the validation after a step
     * @return whether it may stop the run
     */
    boolean judged(Finding finding) {
        String path = finding.path();
        ValidationCategory category = finding.category();
        if (!formats && category == ValidationCategory.SCHEMA && layout.filter(p -> isConfig(p, path)).isPresent()) {
            return false;
        }
        return models || (category != ValidationCategory.SCHEMA && category != ValidationCategory.INTEGRITY)
                || layout.filter(p -> RelativePath.within(p.modelsFolder(), path)).isEmpty();
    }

    private static boolean isConfig(Product product, String path) {
        String folder = RelativePath.parent(product.configFile());
        return path.equals(product.configFile()) || (!folder.isEmpty() && RelativePath.within(folder, path));
    }
}
