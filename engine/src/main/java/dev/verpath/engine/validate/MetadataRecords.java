package dev.verpath.engine.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.verpath.engine.files.RelativePath;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The file records of an installation's metadata and manifests, whatever the product: in every JSON or TOML
 * file outside the data folder, each object that names a file ({@code path} or {@code file}) and records
 * its {@code sha256} or {@code size}. That covers the serve product's {@code metadata.json} {@code files}
 * entries, manifests with {@code [[files]]} tables, and {@code <file>.metadata.json} files beside a model
 * file. A listed path is relative to the folder of the file that lists it. Immutable.
 */
final class MetadataRecords {

    /** Metadata files larger than this are not read (they are not metadata). */
    static final long MAX_BYTES = 16L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TomlMapper TOML = new TomlMapper();
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    /**
     * One file record.
     *
     * @param metadata the file that holds it, relative to the root
     * @param location where in that file, e.g. {@code key files[0].path}
     * @param listed   the path as listed
     * @param target   the listed file relative to the root, or empty when the path leaves the root
     * @param sha256   the recorded SHA-256 (lower case), when there is one
     * @param size     the recorded size, when there is one
     */
    record Record(String metadata, String location, String listed, Optional<String> target, Optional<String> sha256,
                  OptionalLong size) {
    }

    private MetadataRecords() {
    }

    /**
     * Every file record of the installation, in file order.
     *
     * @param tree the installation
     * @return the records
     * @throws IOException when a metadata file cannot be read
     */
    static List<Record> of(TreeScan tree) throws IOException {
        List<Record> records = new ArrayList<>();
        for (TreeScan.Entry entry : tree.entries()) {
            if (!isMetadataFile(tree, entry)) {
                continue;
            }
            JsonNode root;
            try {
                byte[] bytes = Files.readAllBytes(entry.real());
                root = entry.path().toLowerCase(Locale.ROOT).endsWith(".toml") ? TOML.readTree(bytes) : JSON.readTree(bytes);
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                continue;
            }
            if (root != null) {
                collect(entry.path(), root, "", records);
            }
        }
        return records;
    }

    private static boolean isMetadataFile(TreeScan tree, TreeScan.Entry entry) {
        String lower = entry.name().toLowerCase(Locale.ROOT);
        return entry.kind() == TreeScan.Kind.FILE && entry.size() <= MAX_BYTES
                && (lower.endsWith(".json") || lower.endsWith(".toml"))
                && !tree.isDataFile(entry.path());
    }

    private static void collect(String metadata, JsonNode node, String at, List<Record> records) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(metadata, node.get(i), at + "[" + i + "]", records);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String key = node.path("path").isTextual() ? "path" : node.path("file").isTextual() ? "file" : null;
        if (key != null && (node.has("sha256") || node.has("size"))) {
            String listed = node.get(key).asText();
            String sha = node.path("sha256").asText("").toLowerCase(Locale.ROOT);
            JsonNode size = node.get("size");
            records.add(new Record(metadata, "key " + (at.isEmpty() ? "" : at + ".") + key, listed,
                    resolve(RelativePath.parent(metadata), listed),
                    HEX64.matcher(sha).matches() ? Optional.of(sha) : Optional.empty(),
                    size != null && size.canConvertToLong() ? OptionalLong.of(size.asLong()) : OptionalLong.empty()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            collect(metadata, field.getValue(), at.isEmpty() ? field.getKey() : at + "." + field.getKey(), records);
        }
    }

    /**
     * @param path a listed path
     * @return true when it is absolute: {@code /x}, {@code \x}, {@code C:...}
     */
    static boolean absolute(String path) {
        return path.startsWith("/") || path.startsWith("\\") || DRIVE.matcher(path).matches();
    }

    /**
     * Resolves a listed path against the folder of its metadata, without touching the disk.
     *
     * @param folder the metadata's folder, relative to the root
     * @param listed the listed path ({@code /} or {@code \} separators)
     * @return the path relative to the root ({@code ""} for the root itself), or empty when it is absolute or
     *         leaves the root
     */
    static Optional<String> resolve(String folder, String listed) {
        if (absolute(listed)) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        if (!folder.isEmpty()) {
            for (String part : folder.split("/")) {
                parts.addLast(part);
            }
        }
        for (String part : listed.split("[/\\\\]")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return Optional.of(String.join("/", parts));
    }
}
