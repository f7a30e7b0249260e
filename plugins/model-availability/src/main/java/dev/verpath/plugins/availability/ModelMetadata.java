package dev.verpath.plugins.availability;

import dev.verpath.rules.Workspace;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metadata the enhanced system keeps beside every model file, {@code <file>.metadata.json}: the file's
 * path under {@code models/}, its size, SHA-256 and format. Stateless.
 */
public final class ModelMetadata {

    private static final Map<String, String> FORMATS = Map.ofEntries(
            Map.entry("safetensors", "safetensors"),
            Map.entry("bin", "pytorch"),
            Map.entry("pt", "pytorch"),
            Map.entry("pth", "pytorch"),
            Map.entry("ckpt", "pytorch"),
            Map.entry("gguf", "gguf"),
            Map.entry("ggml", "ggml"),
            Map.entry("onnx", "onnx"),
            Map.entry("h5", "hdf5"),
            Map.entry("msgpack", "flax"),
            Map.entry("json", "json"),
            Map.entry("model", "sentencepiece"),
            Map.entry("txt", "text"));

    private ModelMetadata() {
    }

    /**
     * Every model file: the regular files under {@code models/} that are not metadata files.
     *
     * @param workspace the installation
     * @return the paths, relative to the root, sorted
     * @throws IOException when a folder cannot be listed
     */
    public static List<String> modelFiles(Workspace workspace) throws IOException {
        return workspace.files(AvailabilityLayout.MODELS + "/**").stream()
                .filter(path -> !path.endsWith(AvailabilityLayout.METADATA_SUFFIX))
                .toList();
    }

    /**
     * @param modelFile a model file, relative to the root
     * @return its metadata file, {@code <file>.metadata.json}
     */
    public static String metadataPath(String modelFile) {
        return modelFile + AvailabilityLayout.METADATA_SUFFIX;
    }

    /**
     * @param metadataFile a metadata file, relative to the root
     * @return the model file it describes
     */
    public static String modelFileOf(String metadataFile) {
        return metadataFile.substring(0, metadataFile.length() - AvailabilityLayout.METADATA_SUFFIX.length());
    }

    /**
     * The format of a file by its extension: safetensors, pytorch, gguf, onnx and so on; the extension itself
     * for others, {@code unknown} without one.
     *
     * @param path a file path
     * @return the format
     */
    public static String formatOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return "unknown";
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return FORMATS.getOrDefault(extension, extension);
    }

    /**
     * Describes a model file from what the workspace shows (the workspace hashes each file once a run).
     *
     * @param workspace the installation
     * @param modelFile a model file, relative to the root
     * @return the metadata, keys in the order path, size, sha256, format
     * @throws IOException when the file cannot be read
     */
    public static JsonObject describe(Workspace workspace, String modelFile) throws IOException {
        return JsonObject.EMPTY
                .with("path", JsonValue.of(modelFile.substring(AvailabilityLayout.MODELS.length() + 1)))
                .with("size", JsonValue.of(workspace.size(modelFile)))
                .with("sha256", JsonValue.of(workspace.sha256(modelFile)))
                .with("format", JsonValue.of(formatOf(modelFile)));
    }
}
