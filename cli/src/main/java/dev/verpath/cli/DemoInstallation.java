package dev.verpath.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A small sample {@code serve} 0.1.0 installation, written from code with the same bytes every time:
 * VERSION, a config with one key the rules do not know, three models with generated weight files, and
 * record files with fractional timestamps, non-ASCII text, missing fields and a blank line.
 */
final class DemoInstallation {

    /** The version the sample starts at. */
    static final String VERSION = "0.1.0";

    private static final String CONFIG = """
            host = "0.0.0.0"
            port = 8080
            model_dir = "models"
            max_batch = 8
            log_level = "info"
            cors_origin = "https://demo.example.org"
            """;

    private static final String REQUESTS = """
            {"id":"req-1","model":"llama-7b","ts":1700000000,"latency_ms":250,"prompt_tokens":12,"completion_tokens":30,"client_ip":"10.1.2.3","api_key":"sk-abc"}
            {"id":"req-2","model":"mistral-7b","ts":1700000012.5,"latency_ms":125,"prompt_tokens":8,"completion_tokens":50,"client_ip":"10.1.2.4","api_key":"sk-def"}

            {"id":"req-3","model":"llama-7b","ts":1700000020.25,"latency_ms":0,"prompt_tokens":5,"completion_tokens":0,"client_ip":"10.1.2.3"}
            {"id":"req-4","model":"tiny-bert","ts":1700000031,"prompt_tokens":3,"note":"Grüße aus Köln, 世界 🚀","api_key":"sk-ghi"}
            """;

    private static final String ARCHIVE = """
            {"id":"old-1","model":"llama-7b","ts":1699990000.125,"latency_ms":400,"prompt_tokens":100,"completion_tokens":80,"client_ip":"192.168.0.9","api_key":"sk-old","tags":["batch","nightly"]}
            {"id":"old-2","model":"mistral-7b","ts":1699990100,"latency_ms":333,"completion_tokens":7}
            """;

    private record Model(String name, String weightFile, int size, String config) {
    }

    private static final List<Model> MODELS = List.of(
            new Model("llama-7b", "model.safetensors", 4096,
                    "{\"architecture\": \"llama\", \"hidden_size\": 64, \"num_layers\": 2}\n"),
            new Model("mistral-7b", "pytorch_model.bin", 3072,
                    "{\"architecture\": \"mistral\", \"hidden_size\": 48, \"num_layers\": 2}\n"),
            new Model("tiny-bert", "model.onnx", 2048, ""));

    private DemoInstallation() {
    }

    /**
     * Writes the sample into a folder (created when missing).
     *
     * @param root the folder
     * @return how many files it wrote
     */
    static int write(Path root) {
        try {
            int files = 0;
            files += text(root.resolve("VERSION"), VERSION + "\n");
            files += text(root.resolve("config/server.toml"), CONFIG);
            files += text(root.resolve("data/requests.jsonl"), REQUESTS);
            files += text(root.resolve("data/2023/11/archive.jsonl"), ARCHIVE);
            files += text(root.resolve("README.txt"), "A sample installation written by migrate demo.\n");
            for (Model model : MODELS) {
                Path folder = root.resolve("models").resolve(model.name());
                Files.createDirectories(folder);
                Files.write(folder.resolve(model.weightFile()), weights(model.name(), model.size()));
                files++;
                if (!model.config().isEmpty()) {
                    files += text(folder.resolve("config.json"), model.config());
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo installation in " + root, e);
        }
    }

    private static int text(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return 1;
    }

    /**
     * Generated weight bytes: SHA-256 of the name and a counter, block after block.
     *
     * @param name the model
     * @param size how many bytes
     * @return the bytes, the same for the same name and size
     */
    static byte[] weights(String name, int size) {
        byte[] bytes = new byte[size];
        MessageDigest sha = sha256();
        for (int offset = 0, block = 0; offset < size; block++) {
            byte[] chunk = sha.digest((name + "/" + block).getBytes(StandardCharsets.UTF_8));
            int n = Math.min(chunk.length, size - offset);
            System.arraycopy(chunk, 0, bytes, offset, n);
            offset += n;
        }
        return bytes;
    }

    /**
     * The SHA-256 of every regular file under a folder, by path relative to it, except the engine's own
     * {@code .migrate/}.
     *
     * @param root the folder
     * @return the checksums, sorted by path
     */
    static SortedMap<String, String> checksums(Path root) {
        SortedMap<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (Files.isRegularFile(file) && !relative.equals(".migrate") && !relative.startsWith(".migrate/")) {
                    sums.put(relative, HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(file))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
        return sums;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
