package dev.verpath.plugins.availability;

import dev.verpath.rules.DeclaredRuleSet;
import dev.verpath.rules.Product;
import dev.verpath.rules.ProductRequirement;
import org.pf4j.Extension;

/**
 * The rules of the {@code model-availability} product: the edge 1.0.0 (the basic model management system)
 * to 2.0.0 (the enhanced model availability system) and the validation rules of 2.0.0. Found by PF4J as an
 * extension of the plugin. Immutable; every method returns the same lists on every call.
 *
 * <p>Rule ids: {@code model-availability.2.0.0.config} and {@code model-availability.2.0.0.model}; validation
 * ids {@code model-availability.2.0.0.config-sections} and {@code model-availability.2.0.0.model-metadata}.
 */
@Extension
public final class AvailabilityRuleSet extends DeclaredRuleSet {

    /** The id of this rule set. */
    public static final String ID = "model-availability";

    private static final Product PRODUCT = Product.of(AvailabilityLayout.PRODUCT,
                    "A model management service that downloads, checks and serves models, in its basic or enhanced form.")
            .weights("models/**/*.safetensors", "models/**/*.bin", "models/**/*.pt", "models/**/*.pth", "models/**/*.ckpt",
                    "models/**/*.gguf", "models/**/*.ggml", "models/**/*.onnx", "models/**/*.h5", "models/**/*.msgpack")
            .config(AvailabilityLayout.LEGACY_CONFIG, "config/**")
            .configFile(AvailabilityLayout.LEGACY_CONFIG).dataFolder(AvailabilityLayout.DATA)
            .modelsFolder(AvailabilityLayout.MODELS)
            .build();

    /** Declares the product, the rules and the validations; PF4J calls this. */
    public AvailabilityRuleSet() {
        super(DeclaredRuleSet.of(ID).products(PRODUCT)
                .rules(new EnhancedConfigRule(), new ModelMetadataRule())
                .validations(new ConfigSectionsValidation(), new ModelMetadataValidation())
                .risks(MockFallbackRisk.risk())
                .requirements(ProductRequirement.memory(AvailabilityLayout.PRODUCT, 8_000_000_000L, "the enhanced"
                        + " system needs at least 8 GB of memory (its migration guide: minimum 8 GB, 16 GB recommended)")));
    }
}
