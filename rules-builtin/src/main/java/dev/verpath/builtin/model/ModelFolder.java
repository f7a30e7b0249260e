package dev.verpath.builtin.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.builtin.ServeLayout;
import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One model folder ({@code models/<name>/}): its files and the metadata that describes them.
 * Sizes and checksums come from the workspace ({@link Workspace#sha256}); weights are never read
 * here. Immutable.
 *
 * @param name   the folder's name
 * @param folder the folder, relative to the installation root
 */
record ModelFolder(String name, String folder) {

    private static final Map<String, String> FORMATS = Map.of(
            "safetensors", "safetensors", "bin", "pytorch", "pt", "pytorch", "onnx", "onnx", "gguf", "gguf");

    /**
     * The model folders of an installation: every folder directly under {@code models/}, sorted.
     *
     * @param workspace the installation
     * @return the folders
     * @throws IOException when {@code models/} cannot be listed
     */
    static List<ModelFolder> all(Workspace workspace) throws IOException {
        List<ModelFolder> folders = new ArrayList<>();
        for (String name : workspace.children(ServeLayout.MODELS_FOLDER)) {
            String folder = ServeLayout.MODELS_FOLDER + "/" + name;
            if (workspace.isDirectory(folder)) {
                folders.add(new ModelFolder(name, folder));
            }
        }
        return folders;
    }

    /** @return the path of the folder's {@code metadata.json} */
    String metadataPath() {
        return folder + "/" + ServeLayout.METADATA_FILE;
    }

    /**
     * Every regular file of the folder, at any depth, but the top {@code metadata.json}: paths relative
     * to the folder with {@code /}, sorted. Symbolic links are not followed and not listed.
     *
     * @param workspace the installation
     * @return the relative paths
     * @throws IOException when a folder cannot be listed
     */
    List<String> files(Workspace workspace) throws IOException {
        List<String> files = new ArrayList<>();
        collect(workspace, "", files);
        files.remove(ServeLayout.METADATA_FILE);
        files.sort(null);
        return files;
    }

    private void collect(Workspace workspace, String relative, List<String> files) throws IOException {
        String base = relative.isEmpty() ? folder : folder + "/" + relative;
        for (String child : workspace.children(base)) {
            String childRelative = relative.isEmpty() ? child : relative + "/" + child;
            String path = base + "/" + child;
            if (workspace.isFile(path)) {
                files.add(childRelative);
            } else if (workspace.isDirectory(path)) {
                collect(workspace, childRelative, files);
            }
        }
    }

    /**
     * The metadata of version 1.0.0: name, format (from the largest weight file; the first by path
     * among equals), files with size and SHA-256, {@code metadata_version} 1.
     *
     * @param workspace the installation
     * @return the metadata, keys in the formats' order
     * @throws IOException when a file cannot be read
     */
    ObjectNode describe(Workspace workspace) throws IOException {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.put("name", name);
        String format = "unknown";
        long largest = -1;
        ArrayNode entries = metadata.arrayNode();
        for (String file : files(workspace)) {
            String path = folder + "/" + file;
            long size = workspace.size(path);
            ObjectNode entry = entries.addObject();
            entry.put("path", file);
            entry.put("size", size);
            entry.put("sha256", workspace.sha256(path));
            String weightFormat = weightFormat(file);
            if (weightFormat != null && size > largest) {
                largest = size;
                format = weightFormat;
            }
        }
        metadata.put("format", format);
        metadata.set("files", entries);
        metadata.put("metadata_version", 1);
        return metadata;
    }

    /**
     * The format a weight file's extension names.
     *
     * @param path a file name or path
     * @return {@code safetensors}, {@code pytorch}, {@code onnx}, {@code gguf}, or null for a file that
     *         is not a weight file
     */
    static String weightFormat(String path) {
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) {
            return null;
        }
        return FORMATS.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
