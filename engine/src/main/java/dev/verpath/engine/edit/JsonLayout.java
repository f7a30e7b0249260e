package dev.verpath.engine.edit;

import dev.verpath.engine.records.JsonValues;
import dev.verpath.rules.json.JsonArray;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonText;
import dev.verpath.rules.json.JsonValue;

/**
 * How a JSON document is laid out, read off the document itself, so that what an edit adds looks like what is
 * there: one member a line or all on one, the indent step, the spacing around the colon, the line ending. Immutable.
 *
 * @param multiline a member a line (as pretty-printed files are)
 * @param indent    one step of indentation, e.g. two spaces
 * @param colon     what stands between a name and its value, e.g. {@code ": "}
 * @param comma     what follows a comma on one line, e.g. {@code " "} or {@code ""}
 * @param newline   the line ending, {@code \n} or {@code \r\n}
 */
record JsonLayout(boolean multiline, String indent, String colon, String comma, String newline) {

    /** The layout of a file made anew, and of an empty document: one member a line, two spaces a level. */
    static final JsonLayout NEW_FILE = new JsonLayout(true, "  ", ": ", " ", "\n");

    /**
     * The layout of a document, read from its top object's first members; an empty document is taken as
     * pretty-printed with two spaces.
     *
     * @param text the document
     * @param root its top object
     * @return its layout
     */
    static JsonLayout of(String text, JsonOutline.Node root) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        var members = root.memberList();
        if (members.isEmpty()) {
            return new JsonLayout(NEW_FILE.multiline, NEW_FILE.indent, NEW_FILE.colon, NEW_FILE.comma, newline);
        }
        JsonOutline.Member first = members.get(0);
        String lead = text.substring(root.start + 1, first.nameStart());
        String colon = text.substring(first.nameEnd(), first.value().start);
        String comma = members.size() > 1
                ? text.substring(first.value().end, members.get(1).nameStart()).replaceFirst("^\\s*,", "") : " ";
        int lineStart = lead.lastIndexOf('\n');
        return lineStart < 0 ? new JsonLayout(false, "  ", colon, comma.contains("\n") ? " " : comma, newline)
                : new JsonLayout(true, lead.substring(lineStart + 1), colon, " ", newline);
    }

    /**
     * The text of a member for an object at a depth.
     *
     * @param name  the member's name
     * @param value its value's text as it is to be written
     * @return the quoted name, the colon and the value
     */
    String member(String name, String value) {
        return JsonValues.text(new JsonText(name)) + colon + value;
    }

    /**
     * A value written in this layout.
     *
     * @param value the value
     * @param depth the depth it is written at (a member of the top object is at 1)
     * @return its text
     */
    String render(JsonValue value, int depth) {
        if (value instanceof JsonObject object && !object.members().isEmpty()) {
            StringBuilder out = new StringBuilder("{");
            for (int i = 0; i < object.members().size(); i++) {
                out.append(i == 0 ? "" : ",").append(multiline ? newline + indent.repeat(depth + 1) : i == 0 ? "" : comma);
                out.append(member(object.members().get(i).name(), render(object.members().get(i).value(), depth + 1)));
            }
            return out.append(multiline ? newline + indent.repeat(depth) : "").append('}').toString();
        }
        if (value instanceof JsonArray array && !array.items().isEmpty()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < array.items().size(); i++) {
                out.append(i == 0 ? "" : "," + (multiline ? " " : comma));
                out.append(render(array.items().get(i), depth + 1));
            }
            return out.append(']').toString();
        }
        return JsonValues.text(value);
    }

    /**
     * An object holding one member, as it is written at a depth.
     *
     * @param member the member's text
     * @param depth  the object's depth
     * @return the object's text
     */
    String objectOf(String member, int depth) {
        return multiline ? "{" + newline + indent.repeat(depth + 1) + member + newline + indent.repeat(depth) + "}"
                : "{" + member + "}";
    }

    /**
     * A value's text moved from one depth to another: each of its lines after the first shifted by the difference.
     *
     * @param value the text as written
     * @param from  its depth where it stood
     * @param to    its depth where it goes
     * @return the text to write
     */
    String moved(String value, int from, int to) {
        if (!multiline || from == to || !value.contains("\n")) {
            return value;
        }
        String step = indent.repeat(Math.abs(to - from));
        return to > from ? value.replace("\n", "\n" + step) : value.replace("\n" + step, "\n");
    }
}
