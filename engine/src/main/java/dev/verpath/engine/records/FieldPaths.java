package dev.verpath.engine.records;

import dev.verpath.rules.RecordReader;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.json.JsonValue;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Field paths ({@code a.b}, a dot in a name escaped as {@code \.}) split into their names, cached so that a path a
 * rule reads on every record is split once; and the failure for a path through a value that is not an object.
 * Thread-safe.
 */
final class FieldPaths {

    private static final ConcurrentHashMap<String, String[]> PATHS = new ConcurrentHashMap<>();
    private static final int PATH_CACHE_LIMIT = 10_000;
    /**
     * The paths looked up last, by their hash: most paths are the literals of a few rules and checks, read on every
     * record, and a slot read (the string's hash is kept in it) costs a fraction of the map's lookup. Each slot holds
     * an immutable pair, so a racy write only costs a miss.
     */
    private static final Slot[] RECENT = new Slot[256];

    private record Slot(String path, String[] names) {
    }

    private FieldPaths() {
    }

    /**
     * @param path a field path
     * @return its names (shared: not to be changed)
     */
    static String[] names(String path) {
        int slot = path.hashCode() & (RECENT.length - 1);
        Slot recent = RECENT[slot];
        if (recent != null && (recent.path == path || recent.path.equals(path))) {
            return recent.names;
        }
        String[] cached = PATHS.get(path);
        if (cached != null) {
            RECENT[slot] = new Slot(path, cached);
            return cached;
        }
        List<String> names = RecordReader.pathNames(path);
        String[] parsed = names.toArray(String[]::new);
        if (PATHS.size() < PATH_CACHE_LIMIT) {
            PATHS.put(path, parsed);
        }
        return parsed;
    }

    /**
     * @param names a path's names
     * @param count how many of them
     * @return the path of the first {@code count} names, dots in names escaped
     */
    static String pathOf(String[] names, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append('.');
            }
            text.append(names[i].replace(".", "\\."));
        }
        return text.toString();
    }

    /**
     * @param names a path's names
     * @param count how many of them name the field that is not an object
     * @param value its value
     * @return the failure naming the field and (the start of) its value
     */
    static RuleFailure notAnObject(String[] names, int count, JsonValue value) {
        String field = pathOf(names, count);
        String text = JsonValues.text(value);
        return new RuleFailure("", "field " + field, "field " + field + " is not an object: "
                + (text.length() > 80 ? text.substring(0, 77) + "..." : text));
    }
}
