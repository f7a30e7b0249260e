package dev.verpath.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.verpath.rules.InstallationFacts;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@link InstallationFacts} read from an installation's files, for evaluating edge risks. Reads only; every path is
 * resolved inside the root (one that leaves it is refused).
 */
final class FactsOnDisk implements InstallationFacts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TomlMapper TOML = new TomlMapper();

    private final Path root;
    private final String product;
    private final String version;
    private final Function<String, Optional<String>> flags;

    /**
     * @param root    the installation's root
     * @param product its product
     * @param version its version
     * @param flags   the flags in effect, by name
     */
    FactsOnDisk(Path root, String product, String version, Function<String, Optional<String>> flags) {
        this.root = root.toAbsolutePath().normalize();
        this.product = product;
        this.version = version;
        this.flags = flags;
    }

    @Override
    public String product() {
        return product;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(inside(path));
    }

    @Override
    public List<String> list(String folder) {
        Path dir = inside(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public Optional<String> configValue(String file, String dottedKey) throws IOException {
        Path path = inside(file);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        JsonNode node = (file.endsWith(".toml") ? TOML : JSON).readTree(path.toFile());
        for (String part : dottedKey.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(node.isValueNode() ? node.asText() : node.toString());
    }

    @Override
    public boolean recordFieldSeen(String dataPath, String field) throws IOException {
        Path path = inside(dataPath);
        if (!Files.exists(path)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".jsonl")).sorted()
                    .toList()) {
                if (seen(file, field)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean seen(Path file, String field) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && line.contains("\"" + field + "\"") && JSON.readTree(line).has(field)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public long size(String path) {
        Path start = inside(path);
        if (!Files.exists(start)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(start)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public Optional<String> flag(String name) {
        return flags.apply(name);
    }

    private Path inside(String relative) {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException(relative + " leaves the installation");
        }
        return path;
    }
}
