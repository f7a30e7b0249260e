package dev.verpath.builtin.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verpath.rules.json.JsonArray;
import dev.verpath.rules.json.JsonNull;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** A parsed JSON tree as the rules API's values, for the record checks {@code migrate validate} runs on files. */
final class JsonTrees {

    private JsonTrees() {
    }

    static JsonValue value(JsonNode node) {
        if (node.isTextual()) {
            return JsonValue.of(node.textValue());
        }
        if (node.isNumber()) {
            return new JsonNumber(node.isBigDecimal() ? node.decimalValue().toString() : node.asText());
        }
        if (node.isBoolean()) {
            return JsonValue.of(node.booleanValue());
        }
        if (node.isArray()) {
            List<JsonValue> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(value(item)));
            return new JsonArray(items);
        }
        if (node.isObject()) {
            List<JsonObject.Member> members = new ArrayList<>(node.size());
            node.fields().forEachRemaining(e -> members.add(new JsonObject.Member(e.getKey(), value(e.getValue()))));
            return new JsonObject(members);
        }
        return JsonNull.NULL;
    }
}
