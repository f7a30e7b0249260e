package dev.verpath.plugins.wan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.util.TreeSet;

/**
 * Checks a sharded checkpoint before its folder moves: every shard a {@code *.index.json} names in its
 * {@code weight_map} is a file beside the index. Stateless.
 */
final class ShardIndexCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShardIndexCheck() {
    }

    /**
     * @param workspace the installation
     * @param folder    a model folder
     * @return how many shards the folder's indexes name
     * @throws RuleFailure naming the index when it does not parse or names a shard that is missing
     * @throws IOException when a file cannot be read
     */
    static int verify(Workspace workspace, String folder) throws IOException {
        int shards = 0;
        for (String relative : FolderFiles.under(workspace, folder)) {
            if (!relative.endsWith(".index.json")) {
                continue;
            }
            String index = folder + "/" + relative;
            JsonNode root;
            try {
                root = JSON.readTree(workspace.read(index));
            } catch (JacksonException e) {
                throw new RuleFailure(index, "line " + e.getLocation().getLineNr(), "shard index is not valid JSON: "
                        + e.getOriginalMessage());
            }
            JsonNode weightMap = root == null ? null : root.get("weight_map");
            if (weightMap == null || !weightMap.isObject()) {
                continue;
            }
            String base = index.substring(0, index.lastIndexOf('/'));
            TreeSet<String> named = new TreeSet<>();
            weightMap.forEach(shard -> named.add(shard.asText()));
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
