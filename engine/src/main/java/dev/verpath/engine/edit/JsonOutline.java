package dev.verpath.engine.edit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.verpath.rules.RuleFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where every member and value of a JSON document stands in its text, read with Jackson's streaming parser and its
 * token offsets: what {@link EditedJson} splices. Immutable once read.
 */
final class JsonOutline {

    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * One value: where its text starts and ends, how deep it is (the top object is 0), and its members when it is an
     * object.
     */
    static final class Node {
        final int start;
        int end;
        final int depth;
        final Optional<List<Member>> members;

        Node(int start, int depth, boolean object) {
            this.start = start;
            this.depth = depth;
            this.members = object ? Optional.of(new ArrayList<>()) : Optional.empty();
        }

        /** @return the members of this object, empty for any other value */
        List<Member> memberList() {
            return members.orElse(List.of());
        }

        /** @return the last member of this object by that name (JSON readers take the last) */
        Optional<Member> member(String name) {
            List<Member> all = memberList();
            for (int i = all.size() - 1; i >= 0; i--) {
                if (all.get(i).name().equals(name)) {
                    return Optional.of(all.get(i));
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One member of an object.
     *
     * @param name      its name, unescaped
     * @param nameStart where its quoted name starts
     * @param nameEnd   just after the quoted name's closing quote
     * @param value     its value
     */
    record Member(String name, int nameStart, int nameEnd, Node value) {
    }

    private final String text;
    private Node pending;

    private JsonOutline(String text) {
        this.text = text;
    }

    /**
     * Reads a JSON document of any kind (an object, an array, a value) only to find whether it parses.
     *
     * @param path the file, for a failure's message
     * @param text the document
     * @throws RuleFailure naming the line, in the words of {@link #read}, when the text is not one JSON value
     */
    static void requireSyntax(String path, String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new RuleFailure(path, "line 1", "not valid JSON: the file is empty");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new RuleFailure(path, "line " + parser.currentTokenLocation().getLineNr(),
                        "more after the JSON value; the file must hold one JSON value and nothing else");
            }
        } catch (JsonParseException e) {
            throw notValid(path, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuleFailure notValid(String path, JsonParseException e) {
        int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
        return new RuleFailure(path, "line " + line, "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }

    /**
     * Reads a document that must be one JSON object.
     *
     * @param path the file, for a failure's message
     * @param text the document
     * @return its top object
     * @throws RuleFailure naming the line when the text is not one JSON object
     */
    static Node read(String path, String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonOutline outline = new JsonOutline(text);
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new RuleFailure(path, "line " + (first == null ? 1 : parser.currentTokenLocation().getLineNr()),
                        "not a JSON object; the file must hold one JSON object");
            }
            Node root = outline.value(parser, first, 0);
            if (parser.nextToken() != null) {
                throw new RuleFailure(path, "line " + parser.currentTokenLocation().getLineNr(),
                        "more after the JSON object; the file must hold one JSON object and nothing else");
            }
            return root;
        } catch (JsonParseException e) {
            throw notValid(path, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Node value(JsonParser parser, JsonToken token, int depth) throws IOException {
        int start = offset(parser);
        settlePending(start);
        Node node = new Node(start, depth, token == JsonToken.START_OBJECT);
        if (token == JsonToken.START_OBJECT) {
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                int nameStart = offset(parser);
                settlePending(nameStart);
                String name = parser.currentName();
                Node value = value(parser, parser.nextToken(), depth + 1);
                node.members.orElseThrow().add(new Member(name, nameStart, nameEnd(value.start), value));
            }
            node.end = closing(parser);
        } else if (token == JsonToken.START_ARRAY) {
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                value(parser, t, depth + 1);
            }
            node.end = closing(parser);
        } else {
            pending = node; // a scalar ends where the next token's separator begins
        }
        return node;
    }

    private int closing(JsonParser parser) {
        int at = offset(parser);
        settlePending(at);
        return at + 1;
    }

    /** A scalar ends before the blanks and the one comma that precede the next token. */
    private void settlePending(int next) {
        if (pending == null) {
            return;
        }
        int end = skipBlanksBack(next);
        if (end > pending.start && text.charAt(end - 1) == ',') {
            end = skipBlanksBack(end - 1);
        }
        pending.end = end;
        pending = null;
    }

    /** The name's closing quote comes before the blanks, the colon and the blanks that precede the value. */
    private int nameEnd(int valueStart) {
        int at = skipBlanksBack(valueStart);
        return skipBlanksBack(at - 1); // at - 1 is the colon
    }

    private int skipBlanksBack(int from) {
        int at = from;
        while (at > 0 && Character.isWhitespace(text.charAt(at - 1))) {
            at--;
        }
        return at;
    }

    private static int offset(JsonParser parser) {
        return (int) parser.currentTokenLocation().getCharOffset();
    }
}
