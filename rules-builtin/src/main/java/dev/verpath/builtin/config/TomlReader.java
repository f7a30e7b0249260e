package dev.verpath.builtin.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.toml.TomlReadFeature;
import dev.verpath.rules.RuleFailure;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses a TOML file into a tree whose objects keep the file's key order. Dates and times become
 * {@code java.time} values (so they are written back as TOML dates, not strings); floats become
 * {@code BigDecimal} with their digits ({@code 1.50} stays {@code 1.50}). Comments are not part of the tree. Thread-safe.
 */
public final class TomlReader {

    private static final TomlMapper MAPPER = TomlMapper.builder()
            .enable(TomlReadFeature.PARSE_JAVA_TIME)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    private static final Pattern ASSIGNMENT = Pattern.compile("\\s*[A-Za-z0-9_\"'.\\- ]+=");

    private TomlReader() {
    }

    /**
     * Parses TOML text.
     *
     * @param path the file, for the failure message
     * @param text the content
     * @return the root table, empty for an empty file
     * @throws RuleFailure naming the line when the text is not valid TOML
     */
    public static ObjectNode parse(String path, String text) {
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || root.isMissingNode()) {
                return JsonNodeFactory.instance.objectNode();
            }
            return (ObjectNode) root;
        } catch (JsonProcessingException e) {
            throw new RuleFailure(path, line(e, text).map(n -> "line " + n).orElse(null),
                    "not valid TOML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new RuleFailure(path, "not valid TOML: " + e.getMessage());
        }
    }

    /**
     * The line a parse failure points at.
     *
     * @param e the failure
     * @return the 1-based line, or empty when unknown
     */
    static Optional<Integer> line(JsonProcessingException e, String text) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return Optional.empty();
        }
        int line = location.getLineNr();
        if (e.getOriginalMessage() == null || !e.getOriginalMessage().startsWith("Duplicate key")) {
            return Optional.of(line);
        }
        // the parser stops after the duplicate's value (past its newline and any blank lines): the key is on the
        // nearest assignment at or before that point
        String[] lines = text.split("\n", -1);
        for (int i = Math.min(location.getColumnNr() <= 1 ? line - 2 : line - 1, lines.length - 1); i >= 0; i--) {
            if (ASSIGNMENT.matcher(lines[i]).lookingAt()) {
                return Optional.of(i + 1);
            }
        }
        return Optional.of(line);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
