package dev.verpath.plugins.availability;

/**
 * Where the files of a {@code model-availability} installation live, at 1.0.0 (the basic system) and 2.0.0
 * (the enhanced one). Paths are relative to the installation root.
 */
public final class AvailabilityLayout {

    /** The product name, as the first word of the installation's {@code VERSION}. */
    public static final String PRODUCT = "model-availability";

    /** The basic model management system: a flat {@code config.json}. */
    public static final String V1_0_0 = "1.0.0";

    /** The enhanced system: {@code config/enhanced_model_config.json} and model metadata files. */
    public static final String V2_0_0 = "2.0.0";

    /** The basic system's configuration, kept by the migration. */
    public static final String LEGACY_CONFIG = "config.json";

    /** The enhanced system's configuration. */
    public static final String ENHANCED_CONFIG = "config/enhanced_model_config.json";

    /** The folder of models. */
    public static final String MODELS = "models";

    /** The data folder (the product has no data rules). */
    public static final String DATA = "data";

    /** What ends the name of a model file's metadata: {@code <file>.metadata.json}. */
    public static final String METADATA_SUFFIX = ".metadata.json";

    private AvailabilityLayout() {
    }
}
