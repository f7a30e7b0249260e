package dev.verpath.rules;

import dev.verpath.rules.json.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * One declarative change to every record: the default way to write a record rule. A rule lists its edits; the
 * engine applies them in order to each record, in one streaming pass for every step of the path, copying the fields
 * no edit touches byte for byte. Paths are as in {@link RecordReader}. An edit whose field is missing does nothing.
 *
 * <p>When an edit would write a field that is already set (a rename to a name in use, a move onto a field the
 * target has), the field already there wins: the moved one is dropped, and the report warns
 * {@code line N: field <from> dropped: <to> is already set and wins}. Immutable values.
 *
 * <pre>{@code
 * List.of(
 *     RecordEdit.rename("client_ip", "client.ip"),          // into the client object, created where client_ip was
 *     RecordEdit.map("ts", (v, c) -> JsonValue.of(iso(v))),
 *     RecordEdit.moveInto("usage", "prompt_tokens", "completion_tokens"),
 *     RecordEdit.set("schema_version", JsonValue.of(2)))
 * }</pre>
 */
public sealed interface RecordEdit {

    /** @return the paths whose values this edit reads */
    List<String> reads();

    /** @return the paths this edit writes or removes */
    List<String> writes();

    /**
     * Renames a field in its place. The new path may go into an object ({@code client_ip} to {@code client.ip}): the
     * field then moves into it (the object is created where the field stood when it is missing).
     *
     * @param from the field
     * @param to   its new path
     * @return the edit
     */
    static RecordEdit rename(String from, String to) {
        return new Rename(from, to);
    }

    /**
     * Moves fields of one object into an object beside them. When that object is missing it is created where the
     * first of the fields stood, holding those present; when none is present nothing happens.
     *
     * @param object the object's path
     * @param fields the fields' paths, siblings of the object
     * @return the edit
     */
    static RecordEdit moveInto(String object, String... fields) {
        return new MoveInto(object, List.of(fields));
    }

    /**
     * Moves a field out of its object, to where the object stands (just before it); the object is removed when it is
     * left empty.
     *
     * @param path the field, inside an object
     * @return the edit
     */
    static RecordEdit moveOut(String path) {
        return new MoveOut(path);
    }

    /**
     * Sets a field: in its place when it is set, else at the end of its object.
     *
     * @param path  the field
     * @param value the value
     * @return the edit
     */
    static RecordEdit set(String path, JsonValue value) {
        return new SetField(path, List.of(), (record, context) -> value, false);
    }

    /**
     * Sets a field to a value computed from the record.
     *
     * @param path  the field
     * @param reads the paths the computation reads (shown in {@code migrate info --verbose})
     * @param value the computation
     * @return the edit
     */
    static RecordEdit set(String path, List<String> reads, ComputedValue value) {
        return new SetField(path, reads, value, false);
    }

    /**
     * Sets a field at the end of its object when it is not set.
     *
     * @param path  the field
     * @param value the value
     * @return the edit
     */
    static RecordEdit setIfAbsent(String path, JsonValue value) {
        return new SetField(path, List.of(), (record, context) -> value, true);
    }

    /**
     * Sets a field to a value computed from the record, when it is not set.
     *
     * @param path  the field
     * @param reads the paths the computation reads
     * @param value the computation
     * @return the edit
     */
    static RecordEdit setIfAbsent(String path, List<String> reads, ComputedValue value) {
        return new SetField(path, reads, value, true);
    }

    /**
     * Removes a field.
     *
     * @param path the field
     * @return the edit
     */
    static RecordEdit remove(String path) {
        return new Remove(path);
    }

    /**
     * Replaces a field's value by a function of it, in its place.
     *
     * @param path    the field
     * @param mapping the function
     * @return the edit
     */
    static RecordEdit map(String path, ValueMapping mapping) {
        return new MapField(path, mapping);
    }

    /**
     * A rename.
     *
     * @param from the field
     * @param to   its new path
     */
    record Rename(String from, String to) implements RecordEdit {
        /** Checks the paths. */
        public Rename {
            requirePath(from);
            requirePath(to);
        }

        @Override
        public List<String> reads() {
            return List.of(from);
        }

        @Override
        public List<String> writes() {
            return List.of(from, to);
        }
    }

    /**
     * A move into an object.
     *
     * @param object the object
     * @param fields the fields moved into it
     */
    record MoveInto(String object, List<String> fields) implements RecordEdit {
        /** Checks the paths and copies the list. */
        public MoveInto {
            requirePath(object);
            fields = List.copyOf(fields);
            fields.forEach(RecordEdit::requirePath);
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("moveInto(" + object + "): no fields to move");
            }
        }

        @Override
        public List<String> reads() {
            return fields;
        }

        @Override
        public List<String> writes() {
            List<String> all = new java.util.ArrayList<>(fields);
            all.add(object);
            return List.copyOf(all);
        }
    }

    /**
     * A move out of an object.
     *
     * @param path the field inside its object
     */
    record MoveOut(String path) implements RecordEdit {
        /** Checks the path. */
        public MoveOut {
            requirePath(path);
        }

        @Override
        public List<String> reads() {
            return List.of(path);
        }

        @Override
        public List<String> writes() {
            return List.of(path);
        }
    }

    /**
     * A set.
     *
     * @param path         the field
     * @param reads        what the value is computed from
     * @param value        the value
     * @param onlyIfAbsent true to leave a field that is set as it is
     */
    record SetField(String path, List<String> reads, ComputedValue value, boolean onlyIfAbsent) implements RecordEdit {
        /** Checks the path and copies the list. */
        public SetField {
            requirePath(path);
            reads = List.copyOf(reads);
            Objects.requireNonNull(value, "value");
        }

        @Override
        public List<String> writes() {
            return List.of(path);
        }
    }

    /**
     * A removal.
     *
     * @param path the field
     */
    record Remove(String path) implements RecordEdit {
        /** Checks the path. */
        public Remove {
            requirePath(path);
        }

        @Override
        public List<String> reads() {
            return List.of();
        }

        @Override
        public List<String> writes() {
            return List.of(path);
        }
    }

    /**
     * A mapping of a value.
     *
     * @param path    the field
     * @param mapping the function
     */
    record MapField(String path, ValueMapping mapping) implements RecordEdit {
        /** Checks the path. */
        public MapField {
            requirePath(path);
            Objects.requireNonNull(mapping, "mapping");
        }

        @Override
        public List<String> reads() {
            return List.of(path);
        }

        @Override
        public List<String> writes() {
            return List.of(path);
        }
    }

    private static void requirePath(String path) {
        if (path == null || path.isBlank() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw new IllegalArgumentException("not a field path: '" + path + "' (names separated by dots, e.g. usage.tokens)");
        }
    }
}
