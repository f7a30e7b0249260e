package dev.verpath.rules;

import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link RecordReader} over a parsed object, for {@link RecordReader#of}. Immutable. */
final class ObjectRecordReader implements RecordReader {

    private final JsonObject object;

    ObjectRecordReader(JsonObject object) {
        this.object = object;
    }

    @Override
    public Optional<JsonValue> get(String path) {
        JsonValue current = object;
        for (String name : names(path)) {
            if (!(current instanceof JsonObject o)) {
                return Optional.empty();
            }
            Optional<JsonValue> next = o.get(name);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    @Override
    public List<String> fieldNames() {
        return object.names();
    }

    @Override
    public JsonObject toObject() {
        return object;
    }

    /** The names of a path: split at dots, a backslash before a dot keeping it in the name. */
    static List<String> names(String path) {
        List<String> names = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' && i + 1 < path.length() && path.charAt(i + 1) == '.') {
                name.append('.');
                i++;
            } else if (c == '.') {
                names.add(name.toString());
                name.setLength(0);
            } else {
                name.append(c);
            }
        }
        names.add(name.toString());
        if (names.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("not a field path: '" + path + "' (names separated by dots, none empty)");
        }
        return List.copyOf(names);
    }
}
