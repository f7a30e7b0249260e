package dev.verpath.engine.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.verpath.rules.json.JsonArray;
import dev.verpath.rules.json.JsonBoolean;
import dev.verpath.rules.json.JsonNull;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonText;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the bytes of one JSON value (already checked by the record's parse) into a {@link JsonValue}, and writes a
 * value as compact JSON: numbers as spelled, strings with only the escapes JSON requires, UTF-8. Thread-safe.
 */
public final class JsonValues {

    static final JsonFactory FACTORY = new JsonFactory();
    /** The numbers 0 to 9999 as read, made on first use: records carry many small counts (tokens, milliseconds). */
    private static final JsonNumber[] SMALL = new JsonNumber[10_000];

    private JsonValues() {
    }

    /**
     * @param buffer the bytes
     * @param start  where the value starts
     * @param end    where it ends
     * @return the value
     */
    static JsonValue read(byte[] buffer, int start, int end) {
        byte first = buffer[start];
        if (first == '"' && plainString(buffer, start + 1, end - 1)) {
            return new JsonText(new String(buffer, start + 1, end - start - 2, StandardCharsets.UTF_8));
        }
        if (first == '-' || (first >= '0' && first <= '9')) {
            return number(buffer, start, end);
        }
        if (first == 't') {
            return JsonBoolean.TRUE;
        }
        if (first == 'f') {
            return JsonBoolean.FALSE;
        }
        if (first == 'n') {
            return JsonNull.NULL;
        }
        try (JsonParser parser = FACTORY.createParser(buffer, start, end - start)) {
            return read(parser, parser.nextToken());
        } catch (IOException e) {
            throw new UncheckedIOException("a value the record's parse accepted did not parse again", e);
        }
    }

    /**
     * A number as spelled: a shared one for 0 to 9999 written plainly (no sign, fraction, exponent or leading zero),
     * which are immutable and equal to one read anew.
     */
    private static JsonNumber number(byte[] buffer, int start, int end) {
        int length = end - start;
        if (length <= 4 && (buffer[start] != '0' || length == 1)) {
            int value = 0;
            int i = start;
            while (i < end && buffer[i] >= '0' && buffer[i] <= '9') {
                value = value * 10 + buffer[i++] - '0';
            }
            if (i == end) {
                JsonNumber known = SMALL[value];
                if (known == null) {
                    known = new JsonNumber(Integer.toString(value));
                    SMALL[value] = known; // a race makes two equal numbers: either is right
                }
                return known;
            }
        }
        return new JsonNumber(new String(buffer, start, length, StandardCharsets.US_ASCII));
    }

    private static boolean plainString(byte[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\\') {
                return false;
            }
        }
        return true;
    }

    private static JsonValue read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                return new JsonText(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonNumber(parser.getText());
            case VALUE_TRUE:
                return JsonBoolean.TRUE;
            case VALUE_FALSE:
                return JsonBoolean.FALSE;
            case VALUE_NULL:
                return JsonNull.NULL;
            case START_ARRAY: {
                List<JsonValue> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(read(parser, t));
                }
                return new JsonArray(items);
            }
            case START_OBJECT: {
                List<JsonObject.Member> members = new ArrayList<>();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    members.add(new JsonObject.Member(name, read(parser, parser.nextToken())));
                }
                return new JsonObject(members);
            }
            default:
                throw new IOException("unexpected " + token);
        }
    }

    /**
     * Writes a value as compact JSON.
     *
     * @param value the value
     * @param out   where to
     */
    static void write(JsonValue value, RecordBytes out) {
        if (value instanceof JsonText text) {
            out.writeString(text.value());
        } else if (value instanceof JsonNumber number) {
            out.writeAscii(number.literal());
        } else if (value instanceof JsonBoolean bool) {
            out.writeAscii(bool.value() ? "true" : "false");
        } else if (value instanceof JsonNull) {
            out.writeAscii("null");
        } else if (value instanceof JsonArray array) {
            out.write('[');
            for (int i = 0; i < array.items().size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                write(array.items().get(i), out);
            }
            out.write(']');
        } else {
            JsonObject object = (JsonObject) value;
            out.write('{');
            for (int i = 0; i < object.members().size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.writeString(object.members().get(i).name());
                out.write(':');
                write(object.members().get(i).value(), out);
            }
            out.write('}');
        }
    }

    /**
     * Reads the text of one JSON value the caller's parse already accepted.
     *
     * @param json the value's text
     * @return the value
     */
    public static JsonValue read(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return read(parser, parser.nextToken());
        } catch (IOException e) {
            throw new UncheckedIOException("a value the document's parse accepted did not parse again", e);
        }
    }

    /**
     * @param value a value
     * @return its compact JSON: numbers as spelled, strings with only the escapes JSON requires
     */
    public static String text(JsonValue value) {
        RecordBytes out = new RecordBytes();
        write(value, out);
        return out.text();
    }
}
