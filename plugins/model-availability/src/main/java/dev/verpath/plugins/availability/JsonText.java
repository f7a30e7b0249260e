package dev.verpath.plugins.availability;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.rules.RuleFailure;
import java.io.UncheckedIOException;

/**
 * Reads JSON objects and writes them the same way every time: two-space indentation, {@code "key": value},
 * {@code \n} line ends whatever the platform, keys in the order of the tree, a final newline. Thread-safe.
 */
final class JsonText {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter WRITER = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(INDENT)
            .withArrayIndenter(INDENT)
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("")));

    private JsonText() {
    }

    /**
     * @param path  the file, for the failure
     * @param bytes its content
     * @return the object it holds
     * @throws RuleFailure naming the line when it is not a JSON object
     */
    static ObjectNode parseObject(String path, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new RuleFailure(path, "line " + e.getLocation().getLineNr(), "not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new RuleFailure(path, "not a JSON object");
        }
        return (ObjectNode) root;
    }

    /**
     * @param tree a tree
     * @return its text, ending with a newline
     */
    static String write(JsonNode tree) {
        try {
            return WRITER.writeValueAsString(tree) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException("a JSON tree could not be written: " + e.getOriginalMessage(), e);
        }
    }

    /** @return an empty object of the shared node factory */
    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
