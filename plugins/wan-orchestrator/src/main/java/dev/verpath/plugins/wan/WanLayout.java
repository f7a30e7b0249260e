package dev.verpath.plugins.wan;

/**
 * Where the files of a {@code wan} installation live, at 1.0.0 (the legacy layout) and 2.0.0 (the model
 * orchestrator's layout). Paths are relative to the installation root.
 */
public final class WanLayout {

    /** The product name, as the first word of the installation's {@code VERSION}. */
    public static final String PRODUCT = "wan";

    /** The legacy layout: {@code config.json} and {@code models/<legacy name>/}. */
    public static final String V1_0_0 = "1.0.0";

    /** The orchestrator layout: {@code config/models.toml} and {@code models/wan22/<model id>/}. */
    public static final String V2_0_0 = "2.0.0";

    /** The legacy configuration file. */
    public static final String LEGACY_CONFIG = "config.json";

    /** The orchestrator's model manifest. */
    public static final String MANIFEST = "config/models.toml";

    /** The folder of model folders (the orchestrator's models root). */
    public static final String MODELS = "models";

    /** The data folder (the product has no data rules). */
    public static final String DATA = "data";

    /** The orchestrator's folder of WAN2.2 models, relative to {@link #MODELS}. */
    public static final String FAMILY_FOLDER = "wan22";

    private WanLayout() {
    }

    /**
     * @param modelId a model id such as {@code t2v-A14B@2.2.0}
     * @return the model's orchestrator folder, {@code models/wan22/<model id>}
     */
    public static String modelFolder(String modelId) {
        return MODELS + "/" + FAMILY_FOLDER + "/" + modelId;
    }

    /**
     * @param legacyName a legacy model folder name such as {@code t2v-A14B}
     * @return the legacy folder, {@code models/<legacy name>}
     */
    public static String legacyFolder(String legacyName) {
        return MODELS + "/" + legacyName;
    }

    /**
     * @param modelId a model id
     * @return the relative target of the legacy link, {@code wan22/<model id>}
     */
    public static String legacyLinkTarget(String modelId) {
        return FAMILY_FOLDER + "/" + modelId;
    }
}
