package dev.verpath.engine.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Reads one JSON line into a tree and writes a tree back as one compact line, keeping what the
 * input wrote: fields in their order, numbers with their digits ({@code 1.50} stays {@code 1.50},
 * {@code 1e3} stays {@code 1e3}; see {@link LiteralNumberNode}), text as UTF-8. Escapes in strings are
 * decoded on reading and only the escapes JSON requires are written back, so {@code "\u00e9"} is
 * written as {@code "é"} (characters outside
 * the Basic Multilingual Plane too, as four UTF-8 bytes rather than a surrogate pair escape). A number a rule creates as a {@code BigDecimal} is written in plain
 * notation. Thread-safe: the factory and mapper are shared, parsers and generators are per call.
 */
final class RecordCodec {

    private final JsonFactory factory = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();
    private final ObjectMapper mapper = new ObjectMapper(factory);
    private final JsonNodeFactory nodes = RecordNodes.INSTANCE;

    /**
     * Reads one line holding one JSON object.
     *
     * @param buffer the bytes
     * @param start  where the line starts
     * @param length the line's length
     * @return the object
     * @throws NotAnObjectException when the line is not exactly one JSON object; the message says why
     * @throws IOException          never for in-memory input, but declared by the parser
     */
    ObjectNode readObject(byte[] buffer, int start, int length) throws IOException {
        try (JsonParser parser = factory.createParser(buffer, start, length)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new NotAnObjectException("found " + describe(first));
            }
            ObjectNode record = readObjectBody(parser);
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new NotAnObjectException("more after the object (" + describe(after) + ")");
            }
            return record;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new NotAnObjectException(firstLine(e.getOriginalMessage()));
        }
    }

    private ObjectNode readObjectBody(JsonParser parser) throws IOException {
        ObjectNode object = new RecordObject(nodes, 12);
        String name;
        while ((name = parser.nextFieldName()) != null) {
            object.set(name, readValue(parser, parser.nextToken()));
        }
        return object;
    }

    private JsonNode readValue(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                return readObjectBody(parser);
            case START_ARRAY: {
                ArrayNode array = nodes.arrayNode();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(readValue(parser, next));
                }
                return array;
            }
            case VALUE_STRING:
                return TextNode.valueOf(parser.getText());
            case VALUE_NUMBER_INT:
                return readInteger(parser);
            case VALUE_NUMBER_FLOAT:
                return new LiteralNumberNode(parser.getText(), parser.getDecimalValue());
            case VALUE_TRUE:
                return BooleanNode.TRUE;
            case VALUE_FALSE:
                return BooleanNode.FALSE;
            case VALUE_NULL:
                return NullNode.instance;
            default:
                throw new NotAnObjectException("unexpected " + describe(token));
        }
    }

    private static JsonNode readInteger(JsonParser parser) throws IOException {
        switch (parser.getNumberType()) {
            case INT: {
                int value = parser.getIntValue();
                if (value == 0 && parser.getTextLength() != 1) {
                    // "-0": keep the sign as written
                    return new LiteralNumberNode(parser.getText(), parser.getDecimalValue());
                }
                return IntNode.valueOf(value);
            }
            case LONG:
                return LongNode.valueOf(parser.getLongValue());
            default:
                return BigIntegerNode.valueOf(parser.getBigIntegerValue());
        }
    }

    /**
     * A generator writing compact lines to the stream: no separator between root values (the
     * caller writes the line endings), non-ASCII as UTF-8.
     *
     * @param out the stream; closing the generator does not close it
     * @return the generator
     * @throws IOException when the generator cannot be created
     */
    JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator generator = factory.createGenerator(out);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        generator.setRootValueSeparator(null);
        return generator;
    }

    /**
     * Writes a tree compactly.
     *
     * @param generator where to
     * @param names     the field names already serialized for this generator's lines
     * @param node      the tree
     * @throws IOException when writing fails
     */
    void write(JsonGenerator generator, FieldNames names, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT: {
                generator.writeStartObject();
                if (node instanceof RecordObject object) {
                    FieldMap fields = object.fieldMap();
                    for (int i = 0; i < fields.size(); i++) {
                        names.write(generator, fields.keyAt(i));
                        write(generator, names, fields.valueAt(i));
                    }
                } else {
                    for (Map.Entry<String, JsonNode> field : node.properties()) {
                        names.write(generator, field.getKey());
                        write(generator, names, field.getValue());
                    }
                }
                generator.writeEndObject();
                break;
            }
            case ARRAY: {
                generator.writeStartArray();
                for (int i = 0, n = node.size(); i < n; i++) {
                    write(generator, names, node.get(i));
                }
                generator.writeEndArray();
                break;
            }
            case STRING:
                generator.writeString(node.textValue());
                break;
            case NUMBER:
                writeNumber(generator, node);
                break;
            case BOOLEAN:
                generator.writeBoolean(node.booleanValue());
                break;
            case NULL:
            case MISSING:
                generator.writeNull();
                break;
            default:
                mapper.writeTree(generator, node);
        }
    }

    private static void writeNumber(JsonGenerator generator, JsonNode node) throws IOException {
        if (node instanceof LiteralNumberNode literal) {
            generator.writeNumber(literal.literal());
            return;
        }
        switch (node.numberType()) {
            case INT:
                generator.writeNumber(node.intValue());
                break;
            case LONG:
                generator.writeNumber(node.longValue());
                break;
            case BIG_INTEGER:
                generator.writeNumber(node.bigIntegerValue());
                break;
            case BIG_DECIMAL:
                generator.writeNumber(node.decimalValue().toPlainString());
                break;
            default:
                generator.writeNumber(node.doubleValue());
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        switch (token) {
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return token.asString() == null ? token.name() : "'" + token.asString() + "'";
        }
    }

    /** The parser's message without its internals: the first line, cut before any source location. */
    private static String firstLine(String message) {
        String text = message == null ? "" : message.lines().findFirst().orElse("");
        for (String internal : new String[] {" (start marker at [Source:", " at [Source:", "[Source:"}) {
            int at = text.indexOf(internal);
            if (at >= 0) {
                text = text.substring(0, at);
            }
        }
        return text.isBlank() ? "malformed JSON" : text.strip();
    }

    /** The line is not one JSON object; the message says what was found instead. */
    static final class NotAnObjectException extends IOException {

        private static final long serialVersionUID = 1L;

        NotAnObjectException(String message) {
            super(message);
        }
    }
}
