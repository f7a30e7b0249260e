package dev.verpath.engine.edit;

import dev.verpath.rules.json.JsonArray;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a TOML file made anew from a {@link JsonObject}, the same bytes for the same value: a table's own values
 * first ({@code name = value}), then its sub-tables as {@code [a.b]} and its arrays of objects as {@code [[a.b]]}, in
 * member order, one blank line before each header and a final newline. A table holding only tables gets no header of
 * its own (TOML implies it); an empty one does. Names are bare when they are letters, digits, {@code _} and {@code -},
 * else quoted; strings are basic strings, numbers keep their spelling ({@code 12.0} stays a float), arrays of other
 * values are written on one line. Stateless and thread-safe.
 */
public final class TomlWriter {

    private TomlWriter() {
    }

    /**
     * @param document what the file holds
     * @return its text; empty for an empty object
     * @throws IllegalArgumentException when the value holds {@code null} (TOML has none) or an object names a member
     *                                  twice
     */
    public static String written(JsonObject document) {
        StringBuilder out = new StringBuilder();
        table(out, List.of(), document, Header.NONE);
        return out.toString();
    }

    private enum Header { NONE, TABLE, ARRAY_ITEM }

    private static void table(StringBuilder out, List<String> path, JsonObject table, Header header) {
        List<JsonObject.Member> values = new ArrayList<>();
        List<JsonObject.Member> tables = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonObject.Member member : table.members()) {
            if (!names.add(member.name())) {
                throw new IllegalArgumentException("cannot write TOML: " + member.name() + " is named twice in "
                        + (path.isEmpty() ? "the top table" : "[" + String.join(".", path) + "]"));
            }
            (isTable(member.value()) || isArrayOfTables(member.value()) ? tables : values).add(member);
        }
        if (header == Header.ARRAY_ITEM || header == Header.TABLE && (!values.isEmpty() || tables.isEmpty())) {
            String open = header == Header.ARRAY_ITEM ? "[[" : "[";
            String close = header == Header.ARRAY_ITEM ? "]]" : "]";
            out.append(out.isEmpty() ? "" : "\n").append(open).append(dotted(path)).append(close).append('\n');
        }
        for (JsonObject.Member member : values) {
            out.append(TomlValues.keyName(member.name())).append(" = ").append(TomlValues.tomlValue(member.value()))
                    .append('\n');
        }
        for (JsonObject.Member member : tables) {
            List<String> inner = new ArrayList<>(path);
            inner.add(member.name());
            if (member.value() instanceof JsonObject object) {
                table(out, inner, object, Header.TABLE);
            } else {
                for (JsonValue item : ((JsonArray) member.value()).items()) {
                    table(out, inner, (JsonObject) item, Header.ARRAY_ITEM);
                }
            }
        }
    }

    private static boolean isTable(JsonValue value) {
        return value instanceof JsonObject;
    }

    private static boolean isArrayOfTables(JsonValue value) {
        return value instanceof JsonArray array && !array.items().isEmpty()
                && array.items().stream().allMatch(TomlWriter::isTable);
    }

    private static String dotted(List<String> path) {
        List<String> names = new ArrayList<>();
        path.forEach(name -> names.add(TomlValues.keyName(name)));
        return String.join(".", names);
    }
}
