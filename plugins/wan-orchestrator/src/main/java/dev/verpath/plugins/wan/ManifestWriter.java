package dev.verpath.plugins.wan;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code config/models.toml}: {@code schema_version = 1}, then one table per model sorted by id, each
 * with its keys in a fixed order, its {@code defaults}, {@code vram_estimation} and {@code sources} tables, and
 * its files sorted by path. The same models give the same bytes. Stateless.
 */
public final class ManifestWriter {

    private ManifestWriter() {
    }

    /**
     * @param models the models, in any order
     * @return the manifest text, ending with a newline
     */
    public static String write(List<ManifestModel> models) {
        StringBuilder out = new StringBuilder();
        out.append("schema_version = 1\n");
        if (models.isEmpty()) {
            out.append("\n[models]\n");
        }
        models.stream().sorted(Comparator.comparing(m -> m.model().id())).forEach(m -> model(out, m));
        return out.toString();
    }

    private static void model(StringBuilder out, ManifestModel entry) {
        WanModel model = entry.model();
        String table = "models." + Toml.key(model.id());
        out.append("\n[").append(table).append("]\n");
        line(out, "description", Toml.string(model.description()));
        line(out, "version", Toml.string(WanModel.VERSION));
        line(out, "variants", Toml.strings(WanModel.VARIANTS));
        line(out, "default_variant", Toml.string(entry.precision()));
        line(out, "resolution_caps", Toml.strings(WanModel.RESOLUTION_CAPS));
        line(out, "required_components", Toml.strings(model.requiredComponents()));
        line(out, "optional_components", Toml.strings(model.optionalComponents()));
        out.append("\n[").append(table).append(".defaults]\n");
        for (Map.Entry<String, String> d : model.defaults(entry.precision()).entrySet()) {
            line(out, d.getKey(), d.getValue());
        }
        out.append("\n[").append(table).append(".vram_estimation]\n");
        line(out, "params_billion", Toml.decimal(BigDecimal.valueOf(model.paramsBillion())));
        line(out, "family_size", Toml.string(model.familySize()));
        line(out, "base_vram_gb", Toml.decimal(entry.baseVramGb()));
        line(out, "per_frame_vram_mb", Toml.decimal(BigDecimal.valueOf(model.perFrameVramMb())));
        out.append("\n[").append(table).append(".sources]\n");
        line(out, "priority", Toml.strings(model.sources()));
        entry.files().stream().sorted(Comparator.comparing(ManifestFile::path)).forEach(file -> {
            out.append("\n[[").append(table).append(".files]]\n");
            line(out, "path", Toml.string(file.path()));
            line(out, "size", Long.toString(file.size()));
            line(out, "sha256", Toml.string(file.sha256()));
            file.component().ifPresent(c -> line(out, "component", Toml.string(c)));
            file.shardPart().ifPresent(n -> line(out, "shard_part", Integer.toString(n)));
            if (file.shardIndex()) {
                line(out, "shard_index", "true");
            }
        });
    }

    private static void line(StringBuilder out, String key, String literal) {
        out.append(key).append(" = ").append(literal).append('\n');
    }
}
