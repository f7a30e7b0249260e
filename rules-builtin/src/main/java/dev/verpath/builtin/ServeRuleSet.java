package dev.verpath.builtin;

import dev.verpath.builtin.config.ConfigRules;
import dev.verpath.builtin.config.ConfigSchemaValidation;
import dev.verpath.builtin.data.DataRules;
import dev.verpath.builtin.data.RecordSchemaCheck;
import dev.verpath.builtin.model.ModelIntegrityValidation;
import dev.verpath.builtin.model.ModelRules;
import dev.verpath.rules.DeclaredRuleSet;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.ValidationRule;
import java.util.List;
import java.util.stream.Stream;
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
public final class ServeRuleSet extends DeclaredRuleSet {

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

    /** Declares the product, its rules, validations and record checks; PF4J calls this. */
    public ServeRuleSet() {
        super(DeclaredRuleSet.of(ID).products(SERVE)
                .rules(Stream.of(ConfigRules.all(), DataRules.all(), ModelRules.all()).flatMap(List::stream)
                        .toArray(MigrationRule[]::new))
                .validations(Stream.of(VersionFileValidation.all(), ConfigSchemaValidation.all(),
                        ModelIntegrityValidation.all()).flatMap(List::stream).toArray(ValidationRule[]::new))
                .recordChecks(RecordSchemaCheck.all().toArray(RecordCheck[]::new)));
    }
}
