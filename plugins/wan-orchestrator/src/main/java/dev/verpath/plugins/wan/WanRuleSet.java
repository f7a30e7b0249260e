package dev.verpath.plugins.wan;

import dev.verpath.rules.DeclaredRuleSet;
import dev.verpath.rules.FlagConflict;
import dev.verpath.rules.FlagDescriptor;
import dev.verpath.rules.Product;
import org.pf4j.Extension;

/**
 * The rules of the {@code wan} product: the edge 1.0.0 (legacy {@code config.json} and model folders) to
 * 2.0.0 (the model orchestrator's {@code config/models.toml} and {@code models/wan22/<model id>/}), the
 * validation rules of 2.0.0, and the WAN_* flags they read. Found by PF4J as an extension of the plugin.
 * Immutable; every method returns the same lists on every call.
 *
 * <p>Rule ids: {@code wan.2.0.0.config} (the manifest), {@code wan.2.0.0.model} (the moves); validation ids
 * {@code wan.2.0.0.manifest-schema}, {@code wan.2.0.0.model-ids}, {@code wan.2.0.0.file-integrity} and
 * {@code wan.2.0.0.path-safety}.
 */
@Extension
public final class WanRuleSet extends DeclaredRuleSet {

    /** The id of this rule set. */
    public static final String ID = "wan-orchestrator";

    private static final Product WAN = Product.of(WanLayout.PRODUCT,
                    "A WAN2.2 video generation installation: model definitions and model folders managed by the model "
                            + "orchestrator.")
            .weights("models/**/*.safetensors", "models/**/*.bin", "models/**/*.pt", "models/**/*.pth", "models/**/*.ckpt",
                    "models/**/*.onnx", "models/**/*.gguf")
            .config(WanLayout.LEGACY_CONFIG, "config/**")
            .configFile(WanLayout.LEGACY_CONFIG).dataFolder(WanLayout.DATA).modelsFolder(WanLayout.MODELS)
            .build();

    /** Declares the product, the rules, the validations, the flags and their conflicts; PF4J calls this. */
    public WanRuleSet() {
        super(DeclaredRuleSet.of(ID).products(WAN)
                .rules(new ManifestRule(), new ModelMoveRule())
                .validations(new ManifestSchemaValidation(), new ModelIdValidation(), new FileIntegrityValidation(),
                        new PathSafetyValidation())
                .flags(WanFlags.descriptors().toArray(FlagDescriptor[]::new))
                .conflicts(WanFlags.conflicts().toArray(FlagConflict[]::new))
                .risks(MissingModelRisk.risk()));
    }
}
