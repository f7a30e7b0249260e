package dev.verpath.testsupport;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a {@code serve} installation is one its server can run, judged the way {@link ServeServer} judges it once
 * at its start: {@code VERSION} names a version the server knows, {@code config/server.toml} is readable TOML with
 * the shape that version needs (the keys below, from shared/spec/serve-formats.md), and every extra key the caller
 * requires is present. Immutable.
 *
 * <p>The keys each version needs: 0.1.0 {@code host}, {@code port}, {@code model_dir}, {@code max_batch} (names
 * only 0.1.0 has); 1.0.0 {@code bind_address}, {@code http_port}, {@code models_path}, {@code max_batch_size},
 * {@code workers.count}; 2.0.0 {@code server.bind_address}, {@code server.http_port}, {@code server.api_prefix},
 * {@code inference.models_path}, {@code inference.max_batch_size}, {@code logging.level} (tables only 2.x has);
 * 2.1.0 those of 2.0.0 and {@code streaming.enabled}, {@code rate_limit.requests_per_minute}.
 *
 * @param version the installed version, empty when VERSION cannot be read
 * @param problem why the server is unhealthy, one line; empty when it is healthy
 */
public record ServeHealth(Optional<String> version, Optional<String> problem) {

    /** The configuration file, relative to the installation. */
    public static final String CONFIG = "config/server.toml";

    private static final List<String> V2_0 = List.of("server.bind_address", "server.http_port", "server.api_prefix",
            "inference.models_path", "inference.max_batch_size", "logging.level");

    private static final Map<String, List<String>> SHAPES = Map.of(
            "0.1.0", List.of("host", "port", "model_dir", "max_batch"),
            "1.0.0", List.of("bind_address", "http_port", "models_path", "max_batch_size", "workers.count"),
            "2.0.0", V2_0,
            "2.1.0", concat(V2_0, List.of("streaming.enabled", "rate_limit.requests_per_minute")));

    /**
     * Reads an installation as the server does at its start. Never throws for the installation's content: what is
     * missing or unreadable is the problem.
     *
     * @param installation the installation folder
     * @param required     dotted TOML keys the caller requires beyond the version's shape, e.g. {@code server.tls}
     * @return the verdict, never null
     */
    public static ServeHealth of(Path installation, List<String> required) {
        Optional<String> version = version(installation);
        if (version.isEmpty()) {
            return new ServeHealth(version, Optional.of("cannot read " + installation.resolve("VERSION")));
        }
        List<String> shape = SHAPES.get(version.get());
        if (shape == null) {
            return unhealthy(version, "this server knows no version " + version.get() + " (it knows "
                    + String.join(", ", SHAPES.keySet().stream().sorted().toList()) + ")");
        }
        JsonNode config;
        try {
            config = new TomlMapper().readTree(installation.resolve(CONFIG).toFile());
        } catch (JacksonException e) {
            return unhealthy(version, CONFIG + " is not valid TOML" + line(e.getLocation()));
        } catch (IOException e) {
            return unhealthy(version, "cannot read " + CONFIG);
        }
        for (String key : shape) {
            if (!has(config, key)) {
                return unhealthy(version, CONFIG + " lacks " + key + ", which serve " + version.get() + " needs");
            }
        }
        for (String key : required) {
            if (!has(config, key)) {
                return unhealthy(version, CONFIG + " lacks " + key + ", which this server requires (--require)");
            }
        }
        return new ServeHealth(version, Optional.empty());
    }

    /**
     * Whether the server answers its health check with 200.
     *
     * @return true when there is no problem
     */
    public boolean healthy() {
        return problem.isEmpty();
    }

    /**
     * The line {@code GET /health} answers: {@code ok <version>} or {@code unhealthy: <problem>}.
     *
     * @return the line, without a newline
     */
    public String line() {
        return problem.map(p -> "unhealthy: " + p).orElseGet(() -> "ok " + version.orElseThrow());
    }

    private static ServeHealth unhealthy(Optional<String> version, String problem) {
        return new ServeHealth(version, Optional.of(problem));
    }

    private static Optional<String> version(Path installation) {
        try {
            String text = Files.readString(installation.resolve("VERSION"), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean has(JsonNode config, String dottedKey) {
        JsonNode node = config;
        for (String part : dottedKey.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node != null && !node.isNull();
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
