package dev.verpath.builtin.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.rules.RuleFailure;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes {@code metadata.json}: UTF-8 without BOM, two-space indent, {@code "key": value},
 * every array element and object field on its own line, {@code []} and {@code {}} when empty, and a
 * final newline. Keys are written in the tree's order. Thread-safe.
 */
final class MetadataJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("")));

    private MetadataJson() {
    }

    /**
     * Parses a metadata file.
     *
     * @param path  the file, for messages
     * @param bytes its content
     * @return the object
     * @throws RuleFailure naming the line when the content is not a JSON object
     */
    static ObjectNode parse(String path, byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new RuleFailure(path, "line 1", "not a JSON object");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? null : "line " + e.getLocation().getLineNr();
            throw new RuleFailure(path, line, "not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (java.io.IOException e) {
            throw new RuleFailure(path, "not valid JSON: " + e.getMessage());
        }
    }

    /**
     * The bytes of a metadata file.
     *
     * @param metadata the object
     * @return pretty-printed UTF-8 with a final newline
     */
    static byte[] write(ObjectNode metadata) {
        try {
            return (WRITER.writeValueAsString(metadata) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
