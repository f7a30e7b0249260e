package dev.verpath.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Where a command writes: text lines or one JSON document on stdout, progress on stderr. Everything
 * goes through the command line's writers, so tests capture it.
 */
final class Output {

    /**
     * The layout version every {@code --json} document carries as {@code schemaVersion}: the same while keys are only
     * added, one more when a key is removed or renamed or changes its type (docs/json-output.md).
     */
    static final int SCHEMA_VERSION = 1;

    /** Made on the first JSON document only: a text run never builds an object mapper (a tenth of 'info'). */
    private static final class Json {
        private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator("")));
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final GlobalOptions options;

    Output(PrintWriter out, PrintWriter err, GlobalOptions options) {
        this.out = out;
        this.err = err;
        this.options = options;
    }

    /** @return true when the command must print one JSON document instead of text */
    boolean json() {
        return options.json();
    }

    /** @return true for {@code --verbose} */
    boolean verbose() {
        return options.verbose();
    }

    /** @return a new, empty JSON object whose keys keep their insertion order */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** @return a new, empty JSON array */
    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /**
     * Prints a line of text on stdout; nothing in JSON mode.
     *
     * @param line the line
     */
    void line(String line) {
        if (!options.json()) {
            out.println(line);
        }
    }

    /**
     * Prints text as it is (it carries its own line ends); nothing in JSON mode.
     *
     * @param text the text
     */
    void text(String text) {
        if (!options.json()) {
            out.print(text);
            out.flush();
        }
    }

    /**
     * Prints the command's JSON document on stdout; only in JSON mode.
     *
     * @param document the document
     */
    void document(JsonNode document) {
        if (options.json()) {
            out.print(render(document instanceof ObjectNode o && !o.has("outcome") ? withOutcome(o, Outcome.COMPLETED)
                    : document));
            out.flush();
        }
    }

    /**
     * The document with its {@code outcome} and {@code schemaVersion}, placed after {@code command} (first when there
     * is none).
     *
     * @param document the document
     * @param outcome  how the command ended
     * @return a new document
     */
    static ObjectNode withOutcome(ObjectNode document, Outcome outcome) {
        ObjectNode ordered = object();
        if (document.has("command")) {
            ordered.set("command", document.get("command"));
        }
        ordered.put("outcome", outcome.label());
        ordered.put("schemaVersion", SCHEMA_VERSION);
        document.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("outcome") && !e.getKey().equals("schemaVersion")) {
                ordered.set(e.getKey(), e.getValue());
            }
        });
        return ordered;
    }

    /**
     * A document saying only that the command was cancelled at its confirmation, printed in JSON mode.
     *
     * @param command the command's name
     */
    void cancelled(String command) {
        ObjectNode document = object();
        document.put("command", command);
        document(withOutcome(document, Outcome.CANCELLED));
    }

    /**
     * Renders a JSON document as the command line prints it: two-space indent, a final newline.
     *
     * @param document the document
     * @return the text
     */
    static String render(JsonNode document) {
        try {
            return Json.WRITER.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    /**
     * @return where the engine's notices go (a recovery it makes before the command's own work): stderr, also in
     *         JSON mode (stdout keeps its one document), unless {@code --quiet}
     */
    Consumer<String> notices() {
        if (options.quiet()) {
            return line -> { };
        }
        return line -> {
            err.println(line);
            err.flush();
        };
    }

    /** @return where the engine's progress lines go: stderr, unless {@code --quiet} or {@code --json} */
    Consumer<String> progress() {
        if (options.quiet() || options.json()) {
            return line -> { };
        }
        return line -> {
            err.println(line);
            err.flush();
        };
    }
}
