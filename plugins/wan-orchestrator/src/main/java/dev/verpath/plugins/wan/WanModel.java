package dev.verpath.plugins.wan;

import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * The three WAN2.2 models a legacy {@code config.json} names, with what the orchestrator manifest records
 * about each: the key in {@code config.json}'s {@code models} table, the model id, the guide's default
 * legacy folder name, components, inference defaults and VRAM estimation.
 */
public enum WanModel {
    /** Text to video, 14 billion parameters. */
    T2V("t2v_model", "t2v-A14B@2.2.0", "t2v-A14B", "t2v", "WAN2.2 Text-to-Video A14B Model",
            List.of("text_encoder", "unet", "vae"), List.of(), 14, "large", 256, "hf://Wan-AI/Wan2.2-T2V-A14B"),
    /** Image to video, 14 billion parameters. */
    I2V("i2v_model", "i2v-A14B@2.2.0", "i2v-A14B", "i2v", "WAN2.2 Image-to-Video A14B Model",
            List.of("image_encoder", "unet", "vae"), List.of("text_encoder"), 14, "large", 256,
            "hf://Wan-AI/Wan2.2-I2V-A14B"),
    /** Text and image to video, 5 billion parameters. */
    TI2V("ti2v_model", "ti2v-5b@2.2.0", "ti2v-5B", "ti2v", "WAN2.2 Text+Image-to-Video 5B Model",
            List.of("text_encoder", "image_encoder", "unet", "vae"), List.of(), 5, "medium", 200,
            "hf://Wan-AI/Wan2.2-TI2V-5B");

    /** The model version every WAN2.2 model id carries. */
    public static final String VERSION = "2.2.0";

    /** The precision variants every model offers. */
    public static final List<String> VARIANTS = List.of("fp16", "bf16");

    /** The resolutions every model supports. */
    public static final List<String> RESOLUTION_CAPS = List.of("720p24", "1080p24");

    private final String configKey;
    private final String id;
    private final String defaultLegacyName;
    private final String type;
    private final String description;
    private final List<String> requiredComponents;
    private final List<String> optionalComponents;
    private final int paramsBillion;
    private final String familySize;
    private final int perFrameVramMb;
    private final String remoteSource;

    WanModel(String configKey, String id, String defaultLegacyName, String type, String description,
             List<String> requiredComponents, List<String> optionalComponents, int paramsBillion, String familySize,
             int perFrameVramMb, String remoteSource) {
        this.configKey = configKey;
        this.id = id;
        this.defaultLegacyName = defaultLegacyName;
        this.type = type;
        this.description = description;
        this.requiredComponents = requiredComponents;
        this.optionalComponents = optionalComponents;
        this.paramsBillion = paramsBillion;
        this.familySize = familySize;
        this.perFrameVramMb = perFrameVramMb;
        this.remoteSource = remoteSource;
    }

    /**
     * @param configKey a key of {@code config.json}'s {@code models} table
     * @return the model it names, or empty for a key no WAN2.2 model has
     */
    public static Optional<WanModel> byConfigKey(String configKey) {
        for (WanModel model : values()) {
            if (model.configKey.equals(configKey)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }

    /** @return the key in {@code config.json}'s {@code models} table, e.g. {@code t2v_model} */
    public String configKey() {
        return configKey;
    }

    /** @return the model id, {@code <name>@2.2.0} */
    public String id() {
        return id;
    }

    /** @return the folder name the guide's legacy layout uses, e.g. {@code t2v-A14B} */
    public String defaultLegacyName() {
        return defaultLegacyName;
    }

    /** @return the model type: t2v, i2v or ti2v */
    public String type() {
        return type;
    }

    /** @return one line about the model */
    public String description() {
        return description;
    }

    /** @return the components the model cannot run without */
    public List<String> requiredComponents() {
        return requiredComponents;
    }

    /** @return the components the model can use when present */
    public List<String> optionalComponents() {
        return optionalComponents;
    }

    /** @return the parameter count in billions */
    public int paramsBillion() {
        return paramsBillion;
    }

    /** @return the family size: large or medium */
    public String familySize() {
        return familySize;
    }

    /** @return the VRAM each frame adds, in MB */
    public int perFrameVramMb() {
        return perFrameVramMb;
    }

    /**
     * The manifest's sources, in priority order: the local orchestrator folder, then the public repository.
     *
     * @return the source URLs
     */
    public List<String> sources() {
        return List.of("local://" + WanLayout.legacyLinkTarget(id), remoteSource);
    }

    /**
     * The inference defaults of the manifest, in the manifest's order; the guidance scales are floats.
     *
     * @param precision the default precision variant
     * @return the defaults by key, in order
     */
    public JsonObject defaults(String precision) {
        JsonObject d = JsonObject.EMPTY
                .with("fps", JsonValue.of(24))
                .with("frames", JsonValue.of(this == TI2V ? 24 : 16))
                .with("scheduler", JsonValue.of("ddim"))
                .with("precision", JsonValue.of(precision))
                .with("guidance_scale", new JsonNumber("7.5"))
                .with("num_inference_steps", JsonValue.of(50));
        if (this == I2V) {
            d = d.with("image_guidance_scale", new JsonNumber("1.5"));
        } else if (this == TI2V) {
            d = d.with("image_guidance_scale", new JsonNumber("1.2")).with("text_guidance_scale", new JsonNumber("7.5"));
        }
        return d;
    }
}
