package dev.verpath.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A product whose installations a rule set migrates, and what its files are. A product is declared by exactly
 * one rule set; other rule sets may add edges to it. Immutable and thread-safe.
 *
 * <pre>{@code
 * Product.of("gateway", "The API gateway.")
 *         .weights("models/**}{@code /*.safetensors", "models/**}{@code /*.ckpt")
 *         .config("config/*.toml", "routes.yaml")
 *         .data("data/**}{@code /*.jsonl")
 *         .configFile("config/gateway.toml").dataFolder("data").modelsFolder("models")
 *         .build();
 * }</pre>
 *
 * @param name         the product name as the installation's {@code VERSION} file gives it, e.g. {@code serve}
 * @param description  one sentence about the product
 * @param roles        what its files are: weights, config, data or other, first matching glob wins
 * @param configFile   the configuration file {@code migrate config --config FILE} puts FILE in place of; empty when
 *                     the product has none (that sub-command is then refused)
 * @param dataFolder   the folder {@code migrate data --data-path PATH} puts PATH in place of; empty when none
 * @param modelsFolder the folder {@code migrate models --models-path DIR} puts DIR in place of; empty when none
 * @param service      how its service is stopped, started and checked, when it declares so (since 2.2.0); the
 *                     operator's {@code [hooks]} and {@code [health]} settings override it
 */
public record Product(String name, String description, FileRoles roles, Optional<String> configFile,
                      Optional<String> dataFolder, Optional<String> modelsFolder, Optional<ServiceControl> service) {

    /** The weight files the preview engine knew, by extension. */
    private static final List<String> PREVIEW_WEIGHTS = List.of("safetensors", "bin", "pt", "onnx", "gguf");

    /** Checks that nothing is null and that the name and description are given. */
    public Product {
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(dataFolder, "dataFolder");
        Objects.requireNonNull(modelsFolder, "modelsFolder");
        Objects.requireNonNull(service, "service");
        if (name == null || name.isBlank() || description == null || description.isBlank()) {
            throw new IllegalArgumentException("a product needs a name and a description");
        }
    }

    /**
     * A product without a declared service: the canonical constructor of rules API 2.1, kept so that plugins built
     * against it keep compiling and loading.
     *
     * @param name         the product name as the installation's {@code VERSION} file gives it
     * @param description  one sentence about the product
     * @param roles        what its files are
     * @param configFile   the configuration file {@code --config} replaces, when there is one
     * @param dataFolder   the folder {@code --data-path} replaces, when there is one
     * @param modelsFolder the folder {@code --models-path} replaces, when there is one
     */
    public Product(String name, String description, FileRoles roles, Optional<String> configFile,
                   Optional<String> dataFolder, Optional<String> modelsFolder) {
        this(name, description, roles, configFile, dataFolder, modelsFolder, Optional.empty());
    }

    /**
     * The preview's layout (rules API 1.x): one config file, one data folder, one models folder. Its roles are
     * what the preview engine assumed: files ending in {@code .safetensors .bin .pt .onnx .gguf} anywhere are
     * weights, the config file and the files of its folder are config, the data folder's files are data.
     *
     * @param name         the product name
     * @param description  one sentence about the product
     * @param configFile   the main configuration file, relative to the root
     * @param dataFolder   the folder of data files
     * @param modelsFolder the folder of model folders
     */
    public Product(String name, String description, String configFile, String dataFolder, String modelsFolder) {
        this(name, description, previewRoles(configFile, dataFolder), Optional.of(configFile), Optional.of(dataFolder),
                Optional.of(modelsFolder));
    }

    private static FileRoles previewRoles(String configFile, String dataFolder) {
        FileRoles roles = FileRoles.NONE.then(FileRole.WEIGHTS,
                PREVIEW_WEIGHTS.stream().map(e -> "**/*." + e).toArray(String[]::new));
        roles = roles.then(FileRole.CONFIG, Objects.requireNonNull(configFile, "configFile"));
        int slash = configFile.lastIndexOf('/');
        if (slash > 0) {
            roles = roles.then(FileRole.CONFIG, configFile.substring(0, slash) + "/**");
        }
        return roles.then(FileRole.DATA, Objects.requireNonNull(dataFolder, "dataFolder").isEmpty() ? "**" : dataFolder + "/**");
    }

    /**
     * Starts a product that declares its files by role.
     *
     * @param name        the product name as the installation's {@code VERSION} file gives it
     * @param description one sentence about the product
     * @return a builder with no roles and no folders
     */
    public static Builder of(String name, String description) {
        return new Builder(name, description, FileRoles.NONE, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static boolean inside(String folder, String path) {
        return folder.isEmpty() || path.equals(folder) || path.startsWith(folder + "/");
    }

    /**
     * @param path a path relative to the root, {@code /} separators
     * @return whether it is the models folder or inside it; false when the product has none
     */
    public boolean inModelsFolder(String path) {
        return modelsFolder.filter(f -> inside(f, path)).isPresent();
    }

    /**
     * @param path a path relative to the root, {@code /} separators
     * @return whether it is the data folder or inside it; false when the product has none
     */
    public boolean inDataFolder(String path) {
        return dataFolder.filter(f -> inside(f, path)).isPresent();
    }

    /**
     * Builds a {@link Product}. Immutable: each method returns a new builder, so a shared one is safe.
     *
     * @param name         the product name
     * @param description  one sentence about the product
     * @param roles        the roles declared so far
     * @param configFile   the file {@code --config} replaces, when set
     * @param dataFolder   the folder {@code --data-path} replaces, when set
     * @param modelsFolder the folder {@code --models-path} replaces, when set
     * @param service      how the product's service is controlled, when set (since 2.2.0)
     */
    public record Builder(String name, String description, FileRoles roles, Optional<String> configFile,
                          Optional<String> dataFolder, Optional<String> modelsFolder, Optional<ServiceControl> service) {

        /**
         * A builder without a service: the canonical constructor of rules API 2.1, kept for plugins built against it.
         *
         * @param name         the product name
         * @param description  one sentence about the product
         * @param roles        the roles declared so far
         * @param configFile   the file {@code --config} replaces, when set
         * @param dataFolder   the folder {@code --data-path} replaces, when set
         * @param modelsFolder the folder {@code --models-path} replaces, when set
         */
        public Builder(String name, String description, FileRoles roles, Optional<String> configFile,
                       Optional<String> dataFolder, Optional<String> modelsFolder) {
            this(name, description, roles, configFile, dataFolder, modelsFolder, Optional.empty());
        }

        /**
         * @param globs immutable weight files: linked or cloned into backups, never archived, never written
         * @return the builder with them appended
         */
        public Builder weights(String... globs) {
            return withRoles(roles.then(FileRole.WEIGHTS, globs));
        }

        /**
         * @param globs configuration files
         * @return the builder with them appended
         */
        public Builder config(String... globs) {
            return withRoles(roles.then(FileRole.CONFIG, globs));
        }

        /**
         * @param globs data files
         * @return the builder with them appended
         */
        public Builder data(String... globs) {
            return withRoles(roles.then(FileRole.DATA, globs));
        }

        /**
         * @param globs files that are none of the above even where a later, broader glob would say so
         * @return the builder with them appended
         */
        public Builder other(String... globs) {
            return withRoles(roles.then(FileRole.OTHER, globs));
        }

        /**
         * @param file the configuration file {@code migrate config --config FILE} puts FILE in place of
         * @return the builder with it
         */
        public Builder configFile(String file) {
            return new Builder(name, description, roles, Optional.of(file), dataFolder, modelsFolder, service);
        }

        /**
         * @param folder the folder {@code migrate data --data-path PATH} puts PATH in place of
         * @return the builder with it
         */
        public Builder dataFolder(String folder) {
            return new Builder(name, description, roles, configFile, Optional.of(folder), modelsFolder, service);
        }

        /**
         * @param folder the folder {@code migrate models --models-path DIR} puts DIR in place of
         * @return the builder with it
         */
        public Builder modelsFolder(String folder) {
            return new Builder(name, description, roles, configFile, dataFolder, Optional.of(folder), service);
        }

        /**
         * @param control how the product's service is stopped, started and checked: defaults for the hooks and the
         *                health gate, which the operator's settings override
         * @return the builder with it
         * @since 2.2.0
         */
        public Builder service(ServiceControl control) {
            return new Builder(name, description, roles, configFile, dataFolder, modelsFolder,
                    Optional.of(Objects.requireNonNull(control, "control")));
        }

        private Builder withRoles(FileRoles more) {
            return new Builder(name, description, more, configFile, dataFolder, modelsFolder, service);
        }

        /** @return the product */
        public Product build() {
            return new Product(name, description, roles, configFile, dataFolder, modelsFolder, service);
        }
    }
}
