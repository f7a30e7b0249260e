package dev.verpath.plugins.wan;

import dev.verpath.rules.EdgeRisk;
import dev.verpath.rules.InstallationFacts;
import java.util.List;
import java.util.Optional;

/**
 * The known risk of the edge 1.0.0 -> 2.0.0: {@code config.json} names a legacy model whose folder under
 * {@code models/} is missing. The manifest would list a model with no files, and the orchestrator could not load it;
 * the risk blocks the edge for such an installation until the folder is back, the model is taken out of
 * {@code config.json}, or the operator accepts it.
 */
final class MissingModelRisk {

    /** The risk's name, for {@code --accept-risk}. */
    static final String NAME = "wan-legacy-model-missing";

    private static final List<String> KEYS = List.of("t2v_model", "i2v_model", "ti2v_model");

    private MissingModelRisk() {
    }

    /** @return the risk */
    static EdgeRisk risk() {
        return EdgeRisk.of(WanLayout.PRODUCT, WanLayout.V1_0_0, WanLayout.V2_0_0, NAME,
                "config.json names a model whose folder under models/ is missing: the orchestrator's manifest would list"
                        + " a model with no files; restore the folder, or take the model out of config.json's models",
                MissingModelRisk::applies);
    }

    private static boolean applies(InstallationFacts installation) {
        for (String key : KEYS) {
            Optional<String> name;
            try {
                name = installation.configValue(WanLayout.LEGACY_CONFIG, "models." + key);
            } catch (Exception unreadable) {
                return false; // a config.json that is not JSON is the rule's to refuse, naming the file and the line
            }
            if (name.isPresent() && !installation.exists(WanLayout.MODELS + "/" + name.get())) {
                return true;
            }
        }
        return false;
    }
}
