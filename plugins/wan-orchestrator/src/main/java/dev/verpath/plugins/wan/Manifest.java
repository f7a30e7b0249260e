package dev.verpath.plugins.wan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code config/models.toml} as the validation rules read it: a tree of TOML tables, and the model tables by
 * id in file order. Immutable.
 *
 * @param root the whole document
 */
record Manifest(JsonNode root) {

    private static final TomlMapper TOML = new TomlMapper();

    /**
     * Parses the manifest.
     *
     * @param workspace the installation
     * @return the manifest
     * @throws RuleFailure when the file is missing or is not TOML; the location names the line
     * @throws IOException when it cannot be read
     */
    static Manifest read(Workspace workspace) throws IOException {
        String path = WanLayout.MANIFEST;
        if (!workspace.isFile(path)) {
            throw new RuleFailure(path, "missing: the orchestrator reads its models from it");
        }
        try {
            JsonNode root = TOML.readTree(workspace.read(path));
            if (root == null || !root.isObject()) {
                throw new RuleFailure(path, "empty: no schema_version and no models");
            }
            return new Manifest(root);
        } catch (JacksonException e) {
            throw new RuleFailure(path, "line " + e.getLocation().getLineNr(), "not valid TOML: " + e.getOriginalMessage());
        }
    }

    /**
     * Parses the manifest when it is there and parses, for the rules that only look at well-formed ones (the
     * schema rule reports the others).
     *
     * @param workspace the installation
     * @return the manifest, or empty
     * @throws IOException when it cannot be read
     */
    static Optional<Manifest> readIfValid(Workspace workspace) throws IOException {
        try {
            return Optional.of(read(workspace));
        } catch (RuleFailure e) {
            return Optional.empty();
        }
    }

    /** @return the tables of {@code [models."<id>"]} by id, in file order; empty when there is no such table */
    Map<String, JsonNode> models() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        JsonNode models = root.path("models");
        if (models.isObject()) {
            models.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /**
     * @param modelId a model id
     * @param key     a key of the model's table, dotted, or {@code ""} for the table itself
     * @return the location text of a key of that model, e.g. {@code key models."t2v-A14B@2.2.0".files}
     */
    static String location(String modelId, String key) {
        return "key models.\"" + modelId + "\"" + (key.isEmpty() ? "" : "." + key);
    }
}
