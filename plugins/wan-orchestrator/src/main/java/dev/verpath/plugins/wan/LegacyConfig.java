package dev.verpath.plugins.wan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.Workspace;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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
     * @return the configuration, or empty when there is no {@code config.json}
     * @throws RuleFailure when the file is not a JSON object of the legacy shape
     * @throws IOException when it cannot be read
     */
    public static Optional<LegacyConfig> find(Workspace workspace) throws IOException {
        return workspace.isFile(WanLayout.LEGACY_CONFIG) ? Optional.of(read(workspace)) : Optional.empty();
    }

    /**
     * Reads {@code config.json}.
     *
     * @param workspace the installation
     * @return the configuration
     * @throws RuleFailure when the file is missing or not a JSON object of the legacy shape
     * @throws IOException when it cannot be read
     */
    public static LegacyConfig read(Workspace workspace) throws IOException {
        String path = WanLayout.LEGACY_CONFIG;
        if (!workspace.isFile(path)) {
            throw new RuleFailure(path, "missing: a wan 1.0.0 installation names its models in config.json");
        }
        JsonNode root;
        try {
            root = JSON.readTree(workspace.read(path));
        } catch (JacksonException e) {
            throw new RuleFailure(path, "line " + e.getLocation().getLineNr(), "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new RuleFailure(path, "not a JSON object");
        }
        JsonNode modelsNode = root.path("models");
        if (!modelsNode.isMissingNode() && !modelsNode.isObject()) {
            throw new RuleFailure(path, "key models", "models is not an object of model keys to folder names");
        }
        Map<WanModel, String> models = new EnumMap<>(WanModel.class);
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : modelsNode.properties()) {
            Optional<WanModel> model = WanModel.byConfigKey(entry.getKey());
            if (model.isEmpty()) {
                unknown.add(entry.getKey());
                continue;
            }
            models.put(model.get(), folderName(entry.getKey(), entry.getValue()));
        }
        JsonNode optimization = root.path("optimization");
        JsonNode quantization = optimization.path("default_quantization");
        if (!quantization.isMissingNode() && !quantization.isTextual()) {
            throw new RuleFailure(path, "key optimization.default_quantization", "default_quantization is not a string");
        }
        JsonNode vram = optimization.path("max_vram_usage_gb");
        if (!vram.isMissingNode() && (!vram.isNumber() || vram.decimalValue().signum() <= 0)) {
            throw new RuleFailure(path, "key optimization.max_vram_usage_gb", "max_vram_usage_gb is not a positive number");
        }
        return new LegacyConfig(models, unknown, quantization.asText("fp16"),
                vram.isMissingNode() ? BigDecimal.valueOf(12) : vram.decimalValue());
    }

    private static String folderName(String key, JsonNode value) {
        String name = value.asText("");
        if (!value.isTextual() || name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/")
                || name.contains("\\") || name.equals(WanLayout.FAMILY_FOLDER)) {
            throw new RuleFailure(WanLayout.LEGACY_CONFIG, "key models." + key, key + " must name one folder under "
                    + WanLayout.MODELS + "/ (not " + value + ")");
        }
        return name;
    }
}
