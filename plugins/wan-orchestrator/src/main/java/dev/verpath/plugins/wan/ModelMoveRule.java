package dev.verpath.plugins.wan;

import dev.verpath.rules.FileRule;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model rule of {@code wan} 1.0.0 to 2.0.0: renames each legacy model folder {@code config.json} names
 * to {@code models/wan22/<model id>/} (no byte of a weight file is copied) and leaves a relative link in
 * its old place. When {@code config.json} is not in view ({@code migrate models}), the guide's folder names
 * t2v-A14B, i2v-A14B and ti2v-5B are used. Stateless.
 */
public final class ModelMoveRule implements FileRule {

    /** The rule id. */
    public static final String ID = "wan.2.0.0.model";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Move model folders to the orchestrator layout",
            "Renames each model folder config.json names, models/<legacy name>, to models/wan22/<model id>, after "
                    + "checking that every shard its index files name is present (WAN_ENABLE_INTEGRITY_CHECKS). With "
                    + "WAN_ENABLE_LEGACY_FALLBACK the old path is left as a relative symbolic link to the new folder. "
                    + "With WAN_REMOVE_LEGACY_CONFIG config.json is deleted last.",
            WanLayout.PRODUCT, WanLayout.V1_0_0, WanLayout.V2_0_0, RuleKind.MODEL,
            List.of("Model folders live in models/wan22/<model id>/; models/<legacy name> remains only as a symbolic "
                    + "link while WAN_ENABLE_LEGACY_FALLBACK is true."),
            false, "1", List.of(WanLayout.MODELS + "/**", WanLayout.LEGACY_CONFIG));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void apply(RuleContext context) throws IOException {
        Workspace workspace = context.workspace();
        WanFlags flags = WanFlags.of(context);
        Optional<LegacyConfig> legacy = LegacyConfig.find(workspace, context::readJson);
        if (flags.removeLegacyConfig() && !flags.pathMigration()) {
            throw new RuleFailure(WanLayout.LEGACY_CONFIG, "WAN_REMOVE_LEGACY_CONFIG with WAN_ENABLE_PATH_MIGRATION=false "
                    + "would leave nothing that says where the models are; drop one of the two");
        }
        if (!flags.pathMigration()) {
            context.report().warn(WanLayout.MODELS, "model folders stay where they are (WAN_ENABLE_PATH_MIGRATION=false); "
                    + "the orchestrator finds them through config.json");
        }
        context.logger().info(legacy.isPresent() ? "model folder names read from {}" : "no {}: the guide's default model"
                + " folder names are used", WanLayout.LEGACY_CONFIG);
        Map<WanModel, String> names = legacy.orElseGet(LegacyConfig::guideDefaults).models();
        for (Map.Entry<WanModel, String> entry : names.entrySet()) {
            moveOne(context, flags, entry.getKey(), entry.getValue());
        }
        if (flags.removeLegacyConfig() && legacy.isPresent()) {
            workspace.delete(WanLayout.LEGACY_CONFIG);
        }
    }

    private static void moveOne(RuleContext context, WanFlags flags, WanModel model, String legacyName) throws IOException {
        Workspace workspace = context.workspace();
        String from = WanLayout.legacyFolder(legacyName);
        String to = WanLayout.modelFolder(model.id());
        if (!workspace.isDirectory(from)) {
            return;
        }
        if (workspace.exists(to)) {
            throw new RuleFailure(to, "already exists, so " + from + " cannot move there; merge the two folders by hand "
                    + "and remove one");
        }
        if (flags.integrityChecks()) {
            context.report().count("shards_checked", ShardIndexCheck.verify(workspace, context::readJson, from));
        }
        if (!flags.pathMigration()) {
            return;
        }
        workspace.move(from, to);
        context.report().count("models_moved", 1);
        context.logger().info("moving {} to {}{}", from, to, flags.legacyFallback() ? "; a link stays at the old path"
                + " (WAN_ENABLE_LEGACY_FALLBACK)" : "");
        if (flags.legacyFallback()) {
            workspace.symlink(from, WanLayout.legacyLinkTarget(model.id()));
        }
    }
}
