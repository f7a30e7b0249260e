package dev.verpath.plugins.wan;

import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.Workspace;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks a sharded checkpoint before its folder moves: every shard a {@code *.index.json} names in its
 * {@code weight_map} is a file beside the index. Stateless.
 */
final class ShardIndexCheck {

    private ShardIndexCheck() {
    }

    /**
     * @param workspace the installation
     * @param json      how the context reads JSON files
     * @param folder    a model folder
     * @return how many shards the folder's indexes name
     * @throws RuleFailure naming the index when it is not a JSON object or names a shard that is missing
     * @throws IOException when a file cannot be read
     */
    static int verify(Workspace workspace, JsonFiles json, String folder) throws IOException {
        int shards = 0;
        for (String relative : FolderFiles.under(workspace, folder)) {
            if (!relative.endsWith(".index.json")) {
                continue;
            }
            String index = folder + "/" + relative;
            Optional<JsonObject> weightMap = json.read(index).get("weight_map").flatMap(JsonValue::asObject);
            if (weightMap.isEmpty()) {
                continue;
            }
            String base = index.substring(0, index.lastIndexOf('/'));
            TreeSet<String> named = new TreeSet<>();
            weightMap.get().members().forEach(shard -> named.add(shard.value().asText().orElse("")));
            for (String shard : named) {
                if (shard.isEmpty() || shard.contains("/") || shard.contains("\\") || shard.startsWith(".")) {
                    throw new RuleFailure(index, "key weight_map", "names '" + shard + "', not a file beside the index");
                }
                if (!workspace.isFile(base + "/" + shard)) {
                    throw new RuleFailure(index, "key weight_map", "names shard " + shard + " but it is missing; "
                            + "download it again, or set WAN_ENABLE_INTEGRITY_CHECKS=false to move the model as it is");
                }
            }
            shards += named.size();
        }
        return shards;
    }
}
