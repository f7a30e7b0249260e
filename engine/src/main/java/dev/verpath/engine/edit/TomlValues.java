package dev.verpath.engine.edit;

import dev.verpath.rules.json.JsonArray;
import dev.verpath.rules.json.JsonBoolean;
import dev.verpath.rules.json.JsonNull;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonText;
import dev.verpath.rules.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Values and names between TOML and JSON: a value tomlj read as the JSON value rules see, and a JSON value or a name
 * as TOML writes it. Stateless.
 */
final class TomlValues {

    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private TomlValues() {
    }

    /**
     * @param value a value as tomlj read it
     * @return it as JSON: numbers as spelled by tomlj, tables as objects, dates and times as their text
     */
    static JsonValue json(Object value) {
        if (value instanceof String s) {
            return new JsonText(s);
        }
        if (value instanceof Long || value instanceof Integer) {
            return new JsonNumber(value.toString());
        }
        if (value instanceof Double d) {
            return new JsonNumber(new BigDecimal(d.toString()).toString());
        }
        if (value instanceof Boolean b) {
            return JsonValue.of(b);
        }
        if (value instanceof TomlArray array) {
            List<JsonValue> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                items.add(json(array.get(i)));
            }
            return new JsonArray(items);
        }
        if (value instanceof TomlTable table) {
            List<JsonObject.Member> members = new ArrayList<>();
            for (String k : table.keySet()) {
                members.add(new JsonObject.Member(k, json(table.get(List.of(k)))));
            }
            return new JsonObject(members);
        }
        return new JsonText(String.valueOf(value)); // dates and times: their text
    }

    /** @return a name as a TOML key: bare when it can be, else a quoted basic string */
    static String keyName(String name) {
        return BARE_KEY.matcher(name).matches() ? name : quote(name);
    }

    /** @return a dotted table name as a TOML header writes it, each name bare or quoted */
    static String tableName(String table) {
        List<String> parts = new ArrayList<>();
        for (String part : table.split("\\.")) {
            parts.add(keyName(part));
        }
        return String.join(".", parts);
    }

    /**
     * @param value a value
     * @return it as TOML writes it: strings quoted with TOML's escapes, numbers as spelled, arrays and inline tables
     * @throws IllegalArgumentException for {@code null}, which TOML cannot hold
     */
    static String tomlValue(JsonValue value) {
        if (value instanceof JsonText text) {
            return quote(text.value());
        }
        if (value instanceof JsonNumber number) {
            return number.literal();
        }
        if (value instanceof JsonBoolean bool) {
            return Boolean.toString(bool.value());
        }
        if (value instanceof JsonNull) {
            throw new IllegalArgumentException("TOML has no null: remove the key instead");
        }
        if (value instanceof JsonArray array) {
            List<String> items = new ArrayList<>();
            array.items().forEach(item -> items.add(tomlValue(item)));
            return "[" + String.join(", ", items) + "]";
        }
        List<String> members = new ArrayList<>();
        ((JsonObject) value).members().forEach(m -> members.add(keyName(m.name()) + " = " + tomlValue(m.value())));
        return members.isEmpty() ? "{}" : "{ " + String.join(", ", members) + " }";
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
