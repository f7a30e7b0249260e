package dev.verpath.engine.records;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * Indexes the fields of a JSON object in a record's bytes: each field's name and where its value's bytes start and
 * end, values skipped unread (nested objects are indexed when a path goes into them). Stateless.
 */
final class ObjectScanner {

    private ObjectScanner() {
    }

    /**
     * Indexes the fields of the object whose '{' the parser is on; leaves the parser on its '}'.
     *
     * @param parser a parser over the buffer from {@code base}
     * @param buffer the bytes
     * @param base   where the parser's input starts in the buffer
     * @param open   where the object's '{' is in the buffer
     * @return the object
     */
    static RecordObject object(JsonParser parser, byte[] buffer, int base, int open) throws IOException {
        ArrayList<RecordField> fields = new ArrayList<>(12);
        RecordField pending = null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            int nameStart = base + (int) offset(parser);
            int sepStart = -1;
            if (pending != null) {
                pending.valueEnd = valueEnd(buffer, nameStart, true);
                sepStart = pending.valueEnd;
            }
            JsonToken value = parser.nextToken();
            int valueStart = base + (int) offset(parser);
            if (value.isStructStart()) {
                parser.skipChildren();
            }
            pending = new RecordField(buffer, name, nameStart, valueStart, sepStart);
            fields.add(pending);
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new RecordSyntax.NotAnObjectException("unexpected " + RecordSyntax.describe(parser.currentToken()));
        }
        int close = base + (int) offset(parser);
        if (pending != null) {
            pending.valueEnd = valueEnd(buffer, close, false);
        }
        return new RecordObject(buffer, open, close + 1, fields);
    }

    /**
     * Indexes a line holding one JSON object with Jackson's parser.
     *
     * @return the top-level object
     * @throws RecordSyntax.NotAnObjectException when the line is not exactly one JSON object; the message says why
     */
    static RecordObject line(byte[] buffer, int start, int length) throws IOException {
        try (JsonParser parser = JsonValues.FACTORY.createParser(buffer, start, length)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new RecordSyntax.NotAnObjectException("found " + RecordSyntax.describe(first));
            }
            RecordObject root = object(parser, buffer, start, start + (int) offset(parser));
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new RecordSyntax.NotAnObjectException("more after the object (" + RecordSyntax.describe(after) + ")");
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RecordSyntax.NotAnObjectException(RecordSyntax.firstLine(e.getOriginalMessage()));
        }
    }

    /**
     * Indexes an object of a line already accepted, with Jackson's parser (for what {@link LineScanner} leaves).
     *
     * @param buffer the bytes
     * @param open   where its '{' is
     * @param close  just after its '}'
     * @return the object
     */
    static RecordObject nested(byte[] buffer, int open, int close) {
        try (JsonParser parser = JsonValues.FACTORY.createParser(buffer, open, close - open)) {
            parser.nextToken();
            return object(parser, buffer, open, open);
        } catch (IOException e) {
            throw new IllegalStateException("an object the record's parse accepted did not parse again", e);
        }
    }

    /** Where the current token starts, relative to the parser's input. */
    static long offset(JsonParser parser) {
        return parser.currentTokenLocation().getByteOffset();
    }

    /** Where a value ends: back from the next token over blanks, the comma between, and blanks. */
    private static int valueEnd(byte[] buffer, int next, boolean comma) {
        int i = next - 1;
        while (isBlank(buffer[i])) {
            i--;
        }
        if (comma && buffer[i] == ',') {
            i--;
            while (isBlank(buffer[i])) {
                i--;
            }
        }
        return i + 1;
    }

    /** @return whether a byte is JSON's whitespace */
    static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /**
     * Checks that the line is UTF-8 before its strings are skipped unread (copied bytes must be valid too); an
     * ASCII line costs one scan.
     *
     * @throws RecordSyntax.NotAnObjectException naming the first byte that is not UTF-8
     */
    static void checkUtf8(byte[] buffer, int start, int length) throws IOException {
        for (int i = start, end = start + length; i < end; i++) {
            if (buffer[i] < 0) {
                decode(buffer, start, length, i);
                return;
            }
        }
    }

    /** Decodes the line from its first non-ASCII byte, {@code from}. */
    private static void decode(byte[] buffer, int start, int length, int from) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(buffer, from, start + length - from);
        CharBuffer chars = CharBuffer.allocate(4096);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        while (true) {
            CoderResult result = decoder.decode(in, chars, true);
            if (result.isError()) {
                int at = in.position();
                throw new RecordSyntax.NotAnObjectException("Invalid UTF-8: byte 0x"
                        + Integer.toHexString(buffer[at] & 0xff) + " at byte " + (at - start + 1) + " of the line");
            }
            if (result.isUnderflow()) {
                return;
            }
            chars.clear();
        }
    }
}
