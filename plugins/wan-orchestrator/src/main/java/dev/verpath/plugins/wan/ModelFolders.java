package dev.verpath.plugins.wan;

import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Where a model's files are: its orchestrator folder {@code models/wan22/<model id>/}, or, before it is
 * moved (or when path migration is off), the legacy folder {@code config.json} names. Stateless.
 */
final class ModelFolders {

    private ModelFolders() {
    }

    /**
     * The folder to read a model's files from during the migration: the legacy folder when it is a real
     * folder, else the orchestrator folder when an earlier run moved it there.
     *
     * @param workspace  the installation
     * @param model      the model
     * @param legacyName its legacy folder name
     * @return the folder, or empty when neither exists
     */
    static Optional<String> source(Workspace workspace, WanModel model, String legacyName) {
        String legacy = WanLayout.legacyFolder(legacyName);
        if (workspace.isDirectory(legacy)) {
            return Optional.of(legacy);
        }
        String moved = WanLayout.modelFolder(model.id());
        return workspace.isDirectory(moved) ? Optional.of(moved) : Optional.empty();
    }

    /**
     * The folder of a model at 2.0.0: the orchestrator folder, else the legacy folder {@code config.json}
     * still names (the orchestrator's legacy fallback).
     *
     * @param workspace the installation
     * @param json      how the context reads JSON files
     * @param modelId   a model id of the manifest
     * @return the folder, or empty when the model has none
     * @throws IOException when config.json cannot be read
     */
    static Optional<String> located(Workspace workspace, JsonFiles json, String modelId) throws IOException {
        String folder = WanLayout.modelFolder(modelId);
        if (workspace.isDirectory(folder)) {
            return Optional.of(folder);
        }
        LegacyConfig legacy;
        try {
            Optional<LegacyConfig> found = LegacyConfig.find(workspace, json);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            legacy = found.get();
        } catch (RuleFailure e) {
            return Optional.empty();
        }
        for (Map.Entry<WanModel, String> entry : legacy.models().entrySet()) {
            String legacyFolder = WanLayout.legacyFolder(entry.getValue());
            if (entry.getKey().id().equals(modelId) && workspace.isDirectory(legacyFolder)) {
                return Optional.of(legacyFolder);
            }
        }
        return Optional.empty();
    }
}
