package dev.verpath.plugins.availability;

import dev.verpath.rules.FileRule;
import dev.verpath.rules.JsonDocument;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.Workspace;
import dev.verpath.rules.json.JsonObject;
import java.io.IOException;
import java.util.List;

/**
 * The config rule of {@code model-availability} 1.0.0 to 2.0.0: writes
 * {@code config/enhanced_model_config.json} from the flat {@code config.json} by the guide's mapping table.
 * {@code config.json} is kept. Stateless.
 */
public final class EnhancedConfigRule implements FileRule {

    /** The rule id. */
    public static final String ID = "model-availability.2.0.0.config";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Write the enhanced configuration",
            "Writes config/enhanced_model_config.json with the sections storage, downloads, health_monitoring, "
                    + "fallback, features and analytics. models_directory, download_retries, max_concurrent_downloads, "
                    + "health_check_enabled and fallback_to_mock of config.json move to their places in it; every other "
                    + "key gets the default of the migration guide's example, and keys the mapping does not know are "
                    + "kept under legacy. config.json is kept.",
            AvailabilityLayout.PRODUCT, AvailabilityLayout.V1_0_0, AvailabilityLayout.V2_0_0, RuleKind.CONFIG,
            List.of("The service reads config/enhanced_model_config.json; settings changed in config.json no longer apply."),
            false, "1", List.of(AvailabilityLayout.LEGACY_CONFIG, AvailabilityLayout.ENHANCED_CONFIG));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void apply(RuleContext context) throws IOException {
        Workspace workspace = context.workspace();
        String path = AvailabilityLayout.LEGACY_CONFIG;
        if (!workspace.isFile(path)) {
            throw new RuleFailure(path, "missing: a model-availability 1.0.0 installation keeps its settings in it");
        }
        JsonDocument legacy = context.readJson(path);
        JsonObject enhanced = EnhancedConfig.map(path, legacy);
        enhanced.get(EnhancedConfig.LEGACY_SECTION).ifPresent(kept -> context.report().warn(AvailabilityLayout.ENHANCED_CONFIG,
                "kept " + ((JsonObject) kept).members().size() + " key(s) the mapping does not know under legacy: review them"));
        context.writeJson(AvailabilityLayout.ENHANCED_CONFIG, enhanced);
        context.report().count("settings_mapped", EnhancedConfig.MAPPINGS.stream()
                .filter(m -> legacy.has(m.legacyKey())).count());
    }
}
