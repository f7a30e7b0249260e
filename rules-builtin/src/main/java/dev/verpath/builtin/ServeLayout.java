package dev.verpath.builtin;

import java.util.List;

/**
 * The names the {@code serve} product uses: its versions and where its files live. Constants only.
 */
public final class ServeLayout {

    /** The product name, as {@code VERSION} and the history give it. */
    public static final String PRODUCT = "serve";
    /** The first release. */
    public static final String V0_1_0 = "0.1.0";
    /** The first stable release. */
    public static final String V1_0_0 = "1.0.0";
    /** The architecture update (breaking). */
    public static final String V2_0_0 = "2.0.0";
    /** Streaming, rate limits, performance metrics. */
    public static final String V2_1_0 = "2.1.0";
    /** Every version, oldest first. */
    public static final List<String> VERSIONS = List.of(V0_1_0, V1_0_0, V2_0_0, V2_1_0);

    /** The server configuration. */
    public static final String CONFIG_FILE = "config/server.toml";
    /** The folder of record files. */
    public static final String DATA_FOLDER = "data";
    /** The record files, at any depth below the data folder. */
    public static final String DATA_GLOB = "data/**/*.jsonl";
    /** The folder of model folders. */
    public static final String MODELS_FOLDER = "models";
    /** Every file of every model folder. */
    public static final String MODELS_GLOB = "models/*/**";
    /** The metadata file of a model folder, from 1.0.0 on. */
    public static final String METADATA_FILE = "metadata.json";
    /** The file naming the installed version. */
    public static final String VERSION_FILE = "VERSION";

    private ServeLayout() {
    }
}
