package dev.verpath.plugins.wan;

import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.TomlDocument;
import dev.verpath.rules.ValidationContext;
import dev.verpath.rules.json.JsonArray;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code config/models.toml} as the validation rules read it, through the engine's {@link TomlDocument}: top keys, and
 * the keys of each {@code [models."<id>"]} table by model id. Not thread-safe (the document is not).
 *
 * @param document the parsed file
 */
record Manifest(TomlDocument document) {

    /**
     * Parses the manifest.
     *
     * @param context the validation's context
     * @return the manifest
     * @throws RuleFailure when the file is missing, empty or not TOML; the location names the line
     * @throws IOException when it cannot be read
     */
    static Manifest read(ValidationContext context) throws IOException {
        String path = WanLayout.MANIFEST;
        if (!context.workspace().isFile(path)) {
            throw new RuleFailure(path, "missing: the orchestrator reads its models from it");
        }
        TomlDocument document = context.readToml(path);
        if (document.keys("").isEmpty() && document.subTables("").isEmpty()) {
            throw new RuleFailure(path, "empty: no schema_version and no models");
        }
        return new Manifest(document);
    }

    /**
     * Parses the manifest when it is there and parses, for the rules that only look at well-formed ones (the
     * schema rule reports the others).
     *
     * @param context the validation's context
     * @return the manifest, or empty
     * @throws IOException when it cannot be read
     */
    static Optional<Manifest> readIfValid(ValidationContext context) throws IOException {
        try {
            return Optional.of(read(context));
        } catch (RuleFailure e) {
            return Optional.empty();
        }
    }

    /** @return true when the file has a {@code models} table (declared, implied or inline) */
    boolean hasModelsTable() {
        return document.hasTable("models");
    }

    /**
     * @return the names in the {@code models} table: the model tables in file order, then any other keys (which
     *         are not tables, as the schema rule reports)
     */
    List<String> modelIds() {
        List<String> ids = new ArrayList<>(document.subTables("models"));
        ids.addAll(document.keys("models"));
        return ids;
    }

    /**
     * @param modelId a model id
     * @return true when the model's entry is a table
     */
    boolean isTable(String modelId) {
        return document.hasTable(modelKey(modelId));
    }

    /**
     * @param modelId a model id
     * @param key     a key of its table, dotted ({@code vram_estimation.base_vram_gb})
     * @return the value, when the model's table sets it (a table is no value: see {@link #hasTable})
     */
    Optional<JsonValue> get(String modelId, String key) {
        return document.get(modelKey(modelId) + "." + key);
    }

    /**
     * @param modelId a model id
     * @param key     a key of its table, dotted
     * @return true when that key of the model is a table
     */
    boolean hasTable(String modelId, String key) {
        return document.hasTable(modelKey(modelId) + "." + key);
    }

    /**
     * @param modelId a model id
     * @return the items of its {@code files} array (tables, unless the file is damaged), in file order
     */
    List<JsonValue> files(String modelId) {
        return get(modelId, "files").flatMap(JsonValue::asArray).map(JsonArray::items).orElse(List.of());
    }

    /** The dotted key of a model's table: the id quoted as a TOML basic string, whatever characters it holds. */
    private static String modelKey(String modelId) {
        StringBuilder out = new StringBuilder("models.\"");
        modelId.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.append((char) c);
            }
        });
        return out.append('"').toString();
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
