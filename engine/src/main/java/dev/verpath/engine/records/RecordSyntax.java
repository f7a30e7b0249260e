package dev.verpath.engine.records;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** The words for what a line that is not one JSON object holds instead, without the parser's internals. */
final class RecordSyntax {

    private RecordSyntax() {
    }

    static String describe(JsonToken token) {
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
    static String firstLine(String message) {
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
