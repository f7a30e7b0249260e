package dev.verpath.plugins.wan;

import dev.verpath.rules.FileRule;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The config rule of {@code wan} 1.0.0 to 2.0.0: writes {@code config/models.toml} from {@code config.json}
 * and the files of each model folder it names, with the real size and SHA-256 of every file. It reads the
 * folders where they are (the model rule moves them afterwards; the paths it records are relative to the
 * model folder, so they hold in either place). Stateless.
 */
public final class ManifestRule implements FileRule {

    /** The rule id. */
    public static final String ID = "wan.2.0.0.config";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Write the model manifest",
            "Writes config/models.toml, schema version 1, with a table per model config.json names: its "
                    + "description, variants, default variant and precision from optimization.default_quantization, "
                    + "components, inference defaults, VRAM estimation from optimization.max_vram_usage_gb, sources, "
                    + "and every file of its folder with size, SHA-256, component and shard. config.json is kept.",
            WanLayout.PRODUCT, WanLayout.V1_0_0, WanLayout.V2_0_0, RuleKind.CONFIG,
            List.of("Model definitions are read from config/models.toml; config.json is no longer the source of them."),
            false, "1", List.of(WanLayout.LEGACY_CONFIG, WanLayout.MANIFEST, WanLayout.MODELS + "/**"));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void apply(RuleContext context) throws IOException {
        Workspace workspace = context.workspace();
        WanFlags flags = WanFlags.of(context);
        LegacyConfig legacy = LegacyConfig.read(workspace, context::readJson);
        if (!WanModel.VARIANTS.contains(legacy.defaultQuantization())) {
            throw new RuleFailure(WanLayout.LEGACY_CONFIG, "key optimization.default_quantization", "'"
                    + legacy.defaultQuantization() + "' is not a variant of the WAN2.2 models " + WanModel.VARIANTS);
        }
        for (String key : legacy.unknownModelKeys()) {
            problem(context, flags, "key models." + key, key + " names no WAN2.2 model (known: t2v_model, i2v_model, "
                    + "ti2v_model); it is left out of the manifest and its folder stays where it is");
        }
        List<ManifestModel> models = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<WanModel, String> entry : legacy.models().entrySet()) {
            WanModel model = entry.getKey();
            Optional<String> folder = ModelFolders.source(workspace, model, entry.getValue());
            if (folder.isEmpty()) {
                problem(context, flags, "key models." + model.configKey(), WanLayout.legacyFolder(entry.getValue())
                        + " does not exist; " + model.id() + " is left out of the manifest");
                continue;
            }
            List<ManifestFile> files = new ArrayList<>();
            for (String path : FolderFiles.under(workspace, folder.get())) {
                ManifestFile file = ManifestFile.describe(workspace, folder.get(), path);
                files.add(file);
                bytes += file.size();
            }
            models.add(new ManifestModel(model, legacy.defaultQuantization(), legacy.maxVramGb(), files));
        }
        context.writeToml(WanLayout.MANIFEST, ManifestTables.of(models));
        context.report().count("models", models.size());
        context.report().count("bytes_hashed", bytes);
    }

    private static void problem(RuleContext context, WanFlags flags, String location, String message) {
        if (flags.strictValidation()) {
            throw new RuleFailure(WanLayout.LEGACY_CONFIG, location, message + " (WAN_STRICT_VALIDATION is on)");
        }
        context.report().warn(WanLayout.LEGACY_CONFIG, location + ": " + message);
    }
}
