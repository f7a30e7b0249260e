package dev.verpath.builtin.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.builtin.ServeEdge;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleKind;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model rules of every {@code serve} edge. Keys of an existing {@code metadata.json} keep their
 * order ({@code metadata_version} is set where it stands); new keys go at the end, so metadata the
 * rules write has the formats' order: name, format, files, metadata_version, optimization, streaming,
 * cache. A model folder without metadata at 1.0.0 or later gets it written from its files first (with
 * a warning). Thread-safe.
 */
public final class ModelRules {

    /** The breaking change of 1.0.0 to 2.0.0 as far as models are concerned: none. */
    private static final List<String> NONE = List.of();

    private ModelRules() {
    }

    /** @return the model rule of every edge */
    public static List<ModelRule> all() {
        return List.of(
                new ModelRule(ServeEdge.TO_1_0_0.describe(RuleKind.MODEL, "Write model metadata",
                        "Writes metadata.json into every model folder: the name, the format of the largest weight "
                                + "file, and every file with its size and SHA-256. With optimization on, identical "
                                + "weight files become hard links.", NONE),
                        (folder, current, context) -> describe(folder, current, context)),
                new ModelRule(ServeEdge.TO_2_0_0.describe(RuleKind.MODEL, "Add optimization settings to model metadata",
                        "Sets metadata_version 2 and adds optimization settings (no quantization, not compiled) "
                                + "where absent.", NONE),
                        (folder, current, context) -> upgrade(folder, current, context, 2)),
                new ModelRule(ServeEdge.TO_2_1_0.describe(RuleKind.MODEL, "Add streaming and cache settings to model metadata",
                        "Sets metadata_version 3 and adds streaming support and a cache of 1024 entries where "
                                + "absent.", NONE),
                        (folder, current, context) -> upgrade(folder, current, context, 3)),
                new ModelRule(ServeEdge.DOWN_TO_2_0_0.describe(RuleKind.MODEL, "Remove streaming and cache settings from model metadata",
                        "Sets metadata_version 2 and removes the streaming and cache settings. Values that differ "
                                + "from the 2.1.0 defaults are reported as they are dropped.", NONE),
                        (folder, current, context) -> downgrade(folder, current, context, 2)),
                new ModelRule(ServeEdge.DOWN_TO_1_0_0.describe(RuleKind.MODEL, "Remove optimization settings from model metadata",
                        "Sets metadata_version 1 and removes the optimization settings. Settings other than the "
                                + "defaults have no place in 1.0.0 and fail the step unless lossy steps are allowed.",
                        NONE),
                        (folder, current, context) -> downgrade(folder, current, context, 1)));
    }

    private static ObjectNode defaults(String key) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        switch (key) {
            case "optimization" -> node.put("quantization", "none").put("compiled", false);
            case "streaming" -> node.put("supported", true);
            default -> node.put("enabled", true).put("max_entries", 1024);
        }
        return node;
    }

    /** 0.1.0 to 1.0.0: written from the files; keys of a metadata.json already there that are not ours follow. */
    static ObjectNode describe(ModelFolder folder, Optional<ObjectNode> current, RuleContext context) throws IOException {
        ObjectNode metadata = folder.describe(context.workspace());
        current.ifPresent(old -> {
            for (Map.Entry<String, JsonNode> entry : old.properties()) {
                if (!metadata.has(entry.getKey())) {
                    metadata.set(entry.getKey(), entry.getValue());
                }
            }
        });
        return metadata;
    }

    private static ObjectNode existing(ModelFolder folder, Optional<ObjectNode> current, RuleContext context)
            throws IOException {
        if (current.isPresent()) {
            return current.get();
        }
        context.report().warn(folder.metadataPath(), "metadata.json was missing; written from the folder's files");
        return folder.describe(context.workspace());
    }

    static ObjectNode upgrade(ModelFolder folder, Optional<ObjectNode> current, RuleContext context, int version)
            throws IOException {
        ObjectNode metadata = existing(folder, current, context);
        metadata.put("metadata_version", version);
        putDefault(metadata, "optimization");
        if (version >= 3) {
            putDefault(metadata, "streaming");
            putDefault(metadata, "cache");
        }
        return metadata;
    }

    private static void putDefault(ObjectNode metadata, String key) {
        if (!metadata.has(key)) {
            metadata.set(key, defaults(key));
        }
    }

    static ObjectNode downgrade(ModelFolder folder, Optional<ObjectNode> current, RuleContext context, int version)
            throws IOException {
        ObjectNode metadata = existing(folder, current, context);
        metadata.put("metadata_version", version);
        String path = folder.metadataPath();
        if (version == 2) {
            putDefault(metadata, "optimization");
            dropSetting(metadata, "streaming", path, context, true);
            dropSetting(metadata, "cache", path, context, true);
        } else {
            dropSetting(metadata, "optimization", path, context, context.lossyAllowed());
        }
        return metadata;
    }

    private static void dropSetting(ObjectNode metadata, String key, String path, RuleContext context, boolean mayLose) {
        JsonNode value = metadata.remove(key);
        if (value == null || value.equals(defaults(key))) {
            return;
        }
        if (!mayLose) {
            throw new RuleFailure(path, "key " + key, key + " is " + value + " but version " + context.toVersion()
                    + " has no such settings; allow lossy steps to drop it");
        }
        context.report().warn(path, key + " " + value + " dropped: version " + context.toVersion()
                + " has no such settings");
    }
}
