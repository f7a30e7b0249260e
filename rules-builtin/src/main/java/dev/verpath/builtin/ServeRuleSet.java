package dev.verpath.builtin;

import dev.verpath.builtin.config.ConfigRules;
import dev.verpath.builtin.config.ConfigSchemaValidation;
import dev.verpath.builtin.data.DataRules;
import dev.verpath.builtin.data.RecordSchemaCheck;
import dev.verpath.builtin.model.ModelIntegrityValidation;
import dev.verpath.builtin.model.ModelRules;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RuleSet;
import dev.verpath.rules.ValidationRule;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * The built-in rules of the {@code serve} product: the versions 0.1.0, 1.0.0, 2.0.0 and 2.1.0, the
 * upgrade edges between them, the down edges 2.1.0 to 2.0.0 (lossy) and 2.0.0 to 1.0.0, and the
 * validation rules and record checks of every version. Found by the engine as a PF4J extension on
 * its own class path. Immutable; every method returns the same lists on every call.
 *
 * <p>Rule ids: {@code serve.<to>.config|data|model} for upgrades and
 * {@code serve.down.<to>.config|data|model} for downgrades; validation ids
 * {@code serve.<version>.config-schema|model-integrity|version-file} and record checks
 * {@code serve.<version>.data-schema} (which {@code migrate validate} runs on the installed records too). None of the
 * validations reads record files, so the record pipeline carries records through every step in one pass.
 */
@Extension
public final class ServeRuleSet implements RuleSet {

    /** The id of this rule set. */
    public static final String ID = "serve-builtin";

    /** The weight formats of serve-formats.md: never opened for writing, kept by link or clone in a backup. */
    private static final Product SERVE = Product.of(ServeLayout.PRODUCT,
                    "A model-serving installation: server configuration, request records and model folders.")
            .weights("models/**/*.safetensors", "models/**/*.bin", "models/**/*.pt", "models/**/*.onnx", "models/**/*.gguf")
            .config("config/**")
            .data("data/**/*.jsonl")
            .configFile(ServeLayout.CONFIG_FILE).dataFolder(ServeLayout.DATA_FOLDER).modelsFolder(ServeLayout.MODELS_FOLDER)
            .build();

    private final List<MigrationRule> rules;
    private final List<ValidationRule> validations;
    private final List<RecordCheck> recordChecks;

    /** Builds the rules; PF4J calls this. */
    public ServeRuleSet() {
        List<MigrationRule> allRules = new ArrayList<>();
        allRules.addAll(ConfigRules.all());
        allRules.addAll(DataRules.all());
        allRules.addAll(ModelRules.all());
        this.rules = List.copyOf(allRules);
        List<ValidationRule> allValidations = new ArrayList<>();
        allValidations.addAll(VersionFileValidation.all());
        allValidations.addAll(ConfigSchemaValidation.all());
        allValidations.addAll(ModelIntegrityValidation.all());
        this.validations = List.copyOf(allValidations);
        this.recordChecks = List.copyOf(RecordSchemaCheck.all());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Product> products() {
        return List.of(SERVE);
    }

    @Override
    public List<MigrationRule> rules() {
        return rules;
    }

    @Override
    public List<ValidationRule> validations() {
        return validations;
    }

    @Override
    public List<RecordCheck> recordChecks() {
        return recordChecks;
    }
}
