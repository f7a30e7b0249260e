package dev.verpath.plugins.wan;

import dev.verpath.rules.JsonDocument;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.Workspace;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the migration reads from a legacy {@code config.json}: the folder name of each model in its
 * {@code models} table, the keys there that name no WAN2.2 model, and the {@code optimization} settings the
 * manifest takes over. Immutable.
 *
 * @param models              each model's legacy folder name (under {@code models/}), in model order
 * @param unknownModelKeys    keys of {@code models} that name no WAN2.2 model, in file order
 * @param defaultQuantization {@code optimization.default_quantization}, default {@code fp16}
 * @param maxVramGb           {@code optimization.max_vram_usage_gb}, default 12
 */
public record LegacyConfig(Map<WanModel, String> models, List<String> unknownModelKeys, String defaultQuantization,
                           BigDecimal maxVramGb) {

    /** Copies the collections so the record stays immutable. */
    public LegacyConfig {
        Map<WanModel, String> copy = new EnumMap<>(WanModel.class);
        copy.putAll(models);
        models = Collections.unmodifiableMap(copy);
        unknownModelKeys = List.copyOf(unknownModelKeys);
    }

    /**
     * The guide's legacy layout, for when {@code config.json} is not in view (a {@code migrate models} run).
     *
     * @return every model under its default folder name, fp16, 12 GB
     */
    public static LegacyConfig guideDefaults() {
        Map<WanModel, String> models = new EnumMap<>(WanModel.class);
        for (WanModel model : WanModel.values()) {
            models.put(model, model.defaultLegacyName());
        }
        return new LegacyConfig(models, List.of(), "fp16", BigDecimal.valueOf(12));
    }

    /**
     * Reads {@code config.json} when the workspace shows it.
     *
     * @param workspace the installation
     * @param json      how the context reads JSON files
     * @return the configuration, or empty when there is no {@code config.json}
     * @throws RuleFailure when the file is not a JSON object of the legacy shape
     * @throws IOException when it cannot be read
     */
    static Optional<LegacyConfig> find(Workspace workspace, JsonFiles json) throws IOException {
        return workspace.isFile(WanLayout.LEGACY_CONFIG) ? Optional.of(read(workspace, json)) : Optional.empty();
    }

    /**
     * Reads {@code config.json}.
     *
     * @param workspace the installation
     * @param json      how the context reads JSON files
     * @return the configuration
     * @throws RuleFailure when the file is missing or not a JSON object of the legacy shape
     * @throws IOException when it cannot be read
     */
    static LegacyConfig read(Workspace workspace, JsonFiles json) throws IOException {
        String path = WanLayout.LEGACY_CONFIG;
        if (!workspace.isFile(path)) {
            throw new RuleFailure(path, "missing: a wan 1.0.0 installation names its models in config.json");
        }
        JsonDocument root = json.read(path);
        Optional<JsonValue> modelsValue = root.get("models");
        if (modelsValue.isPresent() && modelsValue.get().asObject().isEmpty()) {
            throw new RuleFailure(path, "key models", "models is not an object of model keys to folder names");
        }
        JsonObject modelsObject = modelsValue.flatMap(JsonValue::asObject).orElse(JsonObject.EMPTY);
        Map<WanModel, String> models = new EnumMap<>(WanModel.class);
        List<String> unknown = new ArrayList<>();
        for (String key : modelsObject.names().stream().distinct().toList()) {
            Optional<WanModel> model = WanModel.byConfigKey(key);
            if (model.isEmpty()) {
                unknown.add(key);
                continue;
            }
            models.put(model.get(), folderName(key, modelsObject.get(key).orElseThrow()));
        }
        Optional<JsonValue> quantization = root.get("optimization.default_quantization");
        if (quantization.isPresent() && quantization.get().asText().isEmpty()) {
            throw new RuleFailure(path, "key optimization.default_quantization", "default_quantization is not a string");
        }
        Optional<JsonValue> vram = root.get("optimization.max_vram_usage_gb");
        Optional<BigDecimal> vramGb = vram.flatMap(JsonValue::asNumber).map(JsonNumber::decimal);
        if (vram.isPresent() && (vramGb.isEmpty() || vramGb.get().signum() <= 0)) {
            throw new RuleFailure(path, "key optimization.max_vram_usage_gb", "max_vram_usage_gb is not a positive number");
        }
        return new LegacyConfig(models, unknown, quantization.flatMap(JsonValue::asText).orElse("fp16"),
                vramGb.orElse(BigDecimal.valueOf(12)));
    }

    private static String folderName(String key, JsonValue value) {
        String name = value.asText().orElse("");
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")
                || name.equals(WanLayout.FAMILY_FOLDER)) {
            throw new RuleFailure(WanLayout.LEGACY_CONFIG, "key models." + key, key + " must name one folder under "
                    + WanLayout.MODELS + "/ (not " + value.asText().map(text -> "'" + text + "'").orElse(value.kind())
                    + ")");
        }
        return name;
    }
}
