package dev.verpath.plugins.wan;

import dev.verpath.rules.json.JsonArray;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code config/models.toml} holds, as the object the engine writes as TOML ({@code RuleContext.writeToml}):
 * {@code schema_version = 1}, then one table per model sorted by id, each with its keys in a fixed order, its
 * {@code defaults}, {@code vram_estimation} and {@code sources} tables, and its files sorted by path. The same models
 * give the same object. Stateless.
 */
final class ManifestTables {

    private ManifestTables() {
    }

    /**
     * @param models the models, in any order
     * @return the manifest; with no model, an empty {@code models} table
     */
    static JsonObject of(List<ManifestModel> models) {
        List<JsonObject.Member> tables = new ArrayList<>();
        models.stream().sorted(Comparator.comparing(m -> m.model().id()))
                .forEach(m -> tables.add(new JsonObject.Member(m.model().id(), model(m))));
        return new JsonObject(List.of(new JsonObject.Member("schema_version", JsonValue.of(1)),
                new JsonObject.Member("models", new JsonObject(tables))));
    }

    /**
     * @param value a number
     * @return it as a float, as the orchestrator reads these values: {@code 12} becomes {@code 12.0}, {@code 7.50}
     *         becomes {@code 7.5}
     */
    private static JsonNumber decimal(BigDecimal value) {
        String plain = value.stripTrailingZeros().toPlainString();
        return new JsonNumber(plain.contains(".") ? plain : plain + ".0");
    }

    private static JsonObject model(ManifestModel entry) {
        WanModel model = entry.model();
        JsonObject table = JsonObject.EMPTY
                .with("description", JsonValue.of(model.description()))
                .with("version", JsonValue.of(WanModel.VERSION))
                .with("variants", texts(WanModel.VARIANTS))
                .with("default_variant", JsonValue.of(entry.precision()))
                .with("resolution_caps", texts(WanModel.RESOLUTION_CAPS))
                .with("required_components", texts(model.requiredComponents()))
                .with("optional_components", texts(model.optionalComponents()))
                .with("defaults", model.defaults(entry.precision()))
                .with("vram_estimation", JsonObject.EMPTY
                        .with("params_billion", decimal(BigDecimal.valueOf(model.paramsBillion())))
                        .with("family_size", JsonValue.of(model.familySize()))
                        .with("base_vram_gb", decimal(entry.baseVramGb()))
                        .with("per_frame_vram_mb", decimal(BigDecimal.valueOf(model.perFrameVramMb()))))
                .with("sources", JsonObject.EMPTY.with("priority", texts(model.sources())));
        List<JsonValue> files = new ArrayList<>();
        entry.files().stream().sorted(Comparator.comparing(ManifestFile::path)).forEach(file -> files.add(file(file)));
        // no file, no key: the schema rule reports the model
        return files.isEmpty() ? table : table.with("files", new JsonArray(files));
    }

    private static JsonObject file(ManifestFile file) {
        JsonObject entry = JsonObject.EMPTY
                .with("path", JsonValue.of(file.path()))
                .with("size", JsonValue.of(file.size()))
                .with("sha256", JsonValue.of(file.sha256()));
        if (file.component().isPresent()) {
            entry = entry.with("component", JsonValue.of(file.component().get()));
        }
        if (file.shardPart().isPresent()) {
            entry = entry.with("shard_part", JsonValue.of(file.shardPart().getAsInt()));
        }
        return file.shardIndex() ? entry.with("shard_index", JsonValue.of(true)) : entry;
    }

    private static JsonArray texts(List<String> items) {
        return new JsonArray(items.stream().<JsonValue>map(JsonValue::of).toList());
    }
}
