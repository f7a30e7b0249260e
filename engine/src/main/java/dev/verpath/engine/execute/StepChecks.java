package dev.verpath.engine.execute;

import dev.verpath.engine.files.ProductFiles;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.rules.Finding;
import dev.verpath.rules.ValidationCategory;

/**
 * Which findings of the validation after each step are judged, as the settings say: with {@code [config_migration]
 * format_validation = false} the schema findings about config files (the files the product declares config, and its
 * config file) are not, with {@code [model_migration] validate_models = false} the schema and integrity findings
 * about model files (the product's weights and its models folder) are not. Security findings are always judged.
 * {@code migrate validate} judges everything. Immutable.
 *
 * @param formats whether config files' schema findings are judged
 * @param models  whether the model files' schema and integrity findings are judged
 * @param files   the roles of the product's files; {@link ProductFiles#NONE} when the product is unknown
 */
record StepChecks(boolean formats, boolean models, ProductFiles files) {

    /**
     * @param settings the effective settings
     * @param files    the roles of the product's files
     * @return the checks
     */
    static StepChecks of(EngineSettings settings, ProductFiles files) {
        return new StepChecks(settings.formatValidation(), settings.validateModels(), files);
    }

    /**
     * @param finding a finding of the validation after a step
     * @return whether it may stop the run
     */
    boolean judged(Finding finding) {
        String path = finding.path();
        ValidationCategory category = finding.category();
        if (!formats && category == ValidationCategory.SCHEMA && files.isConfigFile(path)) {
            return false;
        }
        return models || (category != ValidationCategory.SCHEMA && category != ValidationCategory.INTEGRITY)
                || !files.isModelFile(path);
    }
}
