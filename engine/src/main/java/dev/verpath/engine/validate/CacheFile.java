package dev.verpath.engine.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cache file of the installation's state folder: JSON lines, the first naming the format and its version
 * ({@code {"format":"verpath-statcache","version":1}}). A cache is a hint, never a source of truth: one that is
 * missing, unreadable, damaged or of another format or version reads as nothing, and one that cannot be written is
 * skipped. Written atomically (a private temporary file beside it, 0600, synced, renamed over it). Stateless.
 */
final class CacheFile {

    /** Reads and writes the lines. */
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a cache file holds.
     *
     * @param head  its first line
     * @param lines the others, in file order
     */
    record Content(JsonNode head, List<JsonNode> lines) {
    }

    private CacheFile() {
    }

    /**
     * @param format  the format's name
     * @param version its version
     * @return a first line naming them
     */
    static ObjectNode head(String format, int version) {
        return JSON.createObjectNode().put("format", format).put("version", version);
    }

    /**
     * Reads a cache file.
     *
     * @param file    the file
     * @param format  the format it must name
     * @param version the version it must name
     * @return its content; empty when it is missing, cannot be read or parsed, or names another format or version
     */
    static Optional<Content> read(Path file, String format, int version) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonNode head = JSON.readTree(Optional.ofNullable(reader.readLine()).orElse("{}"));
            if (!format.equals(head.path("format").asText()) || head.path("version").asInt() != version) {
                return Optional.empty();
            }
            List<JsonNode> lines = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(JSON.readTree(line));
            }
            return Optional.of(new Content(head, lines));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Replaces a cache file, creating the state folder (0700) when it is missing.
     *
     * @param file  the file
     * @param head  its first line
     * @param lines the others
     * @return true when it was written; false when it could not be (a read-only installation), never an exception
     */
    static boolean write(Path file, JsonNode head, List<? extends JsonNode> lines) {
        StringBuilder text = new StringBuilder().append(head).append('\n');
        lines.forEach(line -> text.append(line).append('\n'));
        return CacheText.write(file, text);
    }
}
