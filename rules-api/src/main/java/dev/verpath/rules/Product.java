package dev.verpath.rules;

import java.util.Objects;

/**
 * A product whose installations a rule set migrates, and where its files live. A product is declared
 * by exactly one rule set; other rule sets may add edges to it.
 *
 * @param name        the product name as the installation's {@code VERSION} file gives it, e.g. {@code serve}
 * @param description one sentence about the product
 * @param configFile  the main configuration file, relative to the root; {@code migrate config --config FILE}
 *                    runs the config rules with FILE in this place
 * @param dataFolder  the folder of data files; {@code migrate data --data-path PATH} runs the data rules with
 *                    PATH in this place
 * @param modelsFolder the folder of model folders; {@code migrate models --models-path DIR} runs the model
 *                    rules with DIR in this place
 */
public record Product(String name, String description, String configFile, String dataFolder, String modelsFolder) {

    /** Checks that nothing is null. */
    public Product {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(dataFolder, "dataFolder");
        Objects.requireNonNull(modelsFolder, "modelsFolder");
    }
}
