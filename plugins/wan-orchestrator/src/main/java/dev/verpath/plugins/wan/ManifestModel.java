package dev.verpath.plugins.wan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the manifest records about one model: the facts of its kind, the settings taken over from
 * {@code config.json}, and its files. Immutable.
 *
 * @param model      the model
 * @param precision  the default variant and precision ({@code optimization.default_quantization})
 * @param baseVramGb the base VRAM ({@code optimization.max_vram_usage_gb})
 * @param files      its files, sorted by path
 */
public record ManifestModel(WanModel model, String precision, BigDecimal baseVramGb, List<ManifestFile> files) {

    /** Checks that nothing is null and copies the list. */
    public ManifestModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(baseVramGb, "baseVramGb");
        files = List.copyOf(files);
    }
}
