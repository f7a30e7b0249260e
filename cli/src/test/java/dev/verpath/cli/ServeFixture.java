package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.files.HashCache;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A clean {@code serve} 1.0.0 installation in a folder: VERSION, a config with every required key, one
 * record file, one model folder with weights, a config.json and a metadata.json that lists them with their
 * real sizes and hashes. Files are mode 0644, folders 0755. Tests break it one way each.
 */
final class ServeFixture {

    static final String CONFIG = """
            bind_address = "0.0.0.0"
            http_port = 8080
            models_path = "models"
            max_batch_size = 8
            log_level = "info"

            [workers]
            count = 4
            queue_size = 1024
            """;

    static final String RECORDS = """
            {"id":"req-1","model":"llama-7b","ts":1700000000,"latency_ms":250,"prompt_tokens":12,"completion_tokens":30,"schema_version":1}
            {"id":"req-2","model":"llama-7b","ts":1700000012.5,"latency_ms":125,"prompt_tokens":8,"completion_tokens":50,"schema_version":1}
            """;

    static final String MODEL = "models/llama-7b";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    private ServeFixture(Path root) {
        this.root = root;
    }

    /**
     * Writes the clean installation.
     *
     * @param root the folder (created when missing)
     * @return the fixture
     */
    static ServeFixture clean(Path root) throws IOException {
        ServeFixture fixture = new ServeFixture(root);
        fixture.write("VERSION", "1.0.0\n");
        fixture.write("config/server.toml", CONFIG);
        fixture.write("data/requests.jsonl", RECORDS);
        fixture.write(MODEL + "/model.safetensors", DemoInstallation.weights("llama-7b", 4096));
        fixture.write(MODEL + "/config.json", "{\"architecture\": \"llama\", \"hidden_size\": 64}\n");
        fixture.seal(MODEL);
        return fixture;
    }

    /** @return the installation root */
    Path root() {
        return root;
    }

    /** @return the root as a command-line argument */
    String arg() {
        return root.toString();
    }

    /** @return a path of the installation */
    Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** Writes a text file (mode 0644, parents 0755). */
    ServeFixture write(String relative, String text) throws IOException {
        return write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file (mode 0644, parents 0755). */
    ServeFixture write(String relative, byte[] bytes) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        for (Path p = file.getParent(); p.startsWith(root); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.write(file, bytes);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return this;
    }

    /** Sets a file's mode, e.g. {@code rwxr-xr-x}. */
    ServeFixture chmod(String relative, String mode) throws IOException {
        Files.setPosixFilePermissions(root.resolve(relative), PosixFilePermissions.fromString(mode));
        return this;
    }

    /** Rewrites a model folder's metadata.json (version 1) from the files in it, as the 1.0.0 migration would. */
    ServeFixture seal(String folder) throws IOException {
        Path dir = root.resolve(folder);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !dir.relativize(p).toString().equals("metadata.json")).sorted().toList();
        }
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("name", dir.getFileName().toString());
        metadata.put("format", "safetensors");
        ArrayNode list = metadata.putArray("files");
        for (Path file : files) {
            list.addObject().put("path", dir.relativize(file).toString()).put("size", Files.size(file))
                    .put("sha256", HashCache.hash(file));
        }
        metadata.put("metadata_version", 1);
        return write(folder + "/metadata.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(metadata) + "\n");
    }

    /** Changes one field of the first {@code files} entry of a model folder's metadata.json. */
    ServeFixture editListing(String folder, Map<String, Object> fields) throws IOException {
        ObjectNode metadata = (ObjectNode) JSON.readTree(root.resolve(folder + "/metadata.json").toFile());
        ObjectNode first = (ObjectNode) metadata.get("files").get(0);
        fields.forEach((k, v) -> first.set(k, JSON.valueToTree(v)));
        return write(folder + "/metadata.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(metadata) + "\n");
    }

    /** Adds an entry to a model folder's metadata.json {@code files}. */
    ServeFixture addListing(String folder, String path, long size, String sha256) throws IOException {
        ObjectNode metadata = (ObjectNode) JSON.readTree(root.resolve(folder + "/metadata.json").toFile());
        ((ArrayNode) metadata.get("files")).addObject().put("path", path).put("size", size).put("sha256", sha256);
        return write(folder + "/metadata.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(metadata) + "\n");
    }

    /**
     * Creates an empty file whose name holds the given raw bytes (not valid UTF-8). Java cannot name such a
     * file when it encodes names as UTF-8, so the shell does it there; under ISO-8859-1 Java can.
     *
     * @return false when this system cannot create it
     */
    boolean createRawName(byte[] name) throws IOException, InterruptedException {
        Charset names = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        if (names.equals(StandardCharsets.ISO_8859_1)) {
            Files.createFile(root.resolve(new String(name, StandardCharsets.ISO_8859_1)));
            return true;
        }
        StringBuilder octal = new StringBuilder();
        for (byte b : name) {
            octal.append(String.format("\\%03o", b & 0xff));
        }
        Process p = new ProcessBuilder("sh", "-c", ": > \"$(printf '" + octal + "')\"").directory(root.toFile())
                .redirectErrorStream(true).start();
        return p.waitFor() == 0;
    }

    /** The findings of a {@code --json} validate run, as {@code category severity ruleId path} lines. */
    static List<String> findings(JsonNode document) {
        List<String> out = new ArrayList<>();
        document.get("findings").fields().forEachRemaining(category -> {
            for (JsonNode f : category.getValue()) {
                out.add(category.getKey() + " " + f.get("severity").asText() + " " + f.get("ruleId").asText() + " "
                        + f.get("path").asText());
            }
        });
        return out;
    }
}
