package dev.verpath.rules;

import dev.verpath.rules.json.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * One declarative change to a TOML file, for {@link TomlEdits}. Keys and tables are as in {@link TomlDocument}. An
 * edit whose key is missing does nothing. When an edit would write a key that is already set (a rename or move onto a
 * name in use), the key already there wins: the other is removed and the report warns
 * {@code key <from> dropped: <to> is already set and wins}. Immutable values.
 */
public sealed interface TomlEdit {

    /**
     * Renames a key in place (same table) or moves it into another table under the new name.
     *
     * @param from the key
     * @param to   its new dotted key
     * @return the edit
     */
    static TomlEdit rename(String from, String to) {
        return new Rename(from, to);
    }

    /**
     * Moves keys, each with its comments, to the end of a table (created at the end of the file when missing).
     *
     * @param table the table
     * @param keys  the keys
     * @return the edit
     */
    static TomlEdit moveInto(String table, String... keys) {
        return new MoveInto(table, List.of(keys));
    }

    /**
     * Sets a key in place, or adds it at the end of its table.
     *
     * @param key   the key
     * @param value the value
     * @return the edit
     */
    static TomlEdit set(String key, JsonValue value) {
        return new SetKey(key, value, false);
    }

    /**
     * Adds a key at the end of its table when the file does not set it.
     *
     * @param key   the key
     * @param value the value
     * @return the edit
     */
    static TomlEdit setIfAbsent(String key, JsonValue value) {
        return new SetKey(key, value, true);
    }

    /**
     * Removes a key with its comments.
     *
     * @param key the key
     * @return the edit
     */
    static TomlEdit remove(String key) {
        return new Remove(key);
    }

    /**
     * Adds a table at the end of the file when it is missing.
     *
     * @param table the table
     * @return the edit
     */
    static TomlEdit addTable(String table) {
        return new AddTable(table);
    }

    /**
     * Applies this edit.
     *
     * @param document the file
     * @param path     the file's path, for warnings
     * @param report   where warnings go
     */
    void applyTo(TomlDocument document, String path, RuleReport report);

    /**
     * A rename.
     *
     * @param from the key
     * @param to   its new dotted key
     */
    record Rename(String from, String to) implements TomlEdit {
        /** Checks the keys. */
        public Rename {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public void applyTo(TomlDocument document, String path, RuleReport report) {
            if (!document.has(from)) {
                return;
            }
            if (document.has(to)) {
                document.remove(from);
                report.warn(path, "key " + from + " dropped: " + to + " is already set and wins");
                return;
            }
            int dot = to.lastIndexOf('.');
            String table = dot < 0 ? "" : to.substring(0, dot);
            String fromTable = from.lastIndexOf('.') < 0 ? "" : from.substring(0, from.lastIndexOf('.'));
            String name = to.substring(dot + 1);
            String fromName = from.substring(from.lastIndexOf('.') + 1);
            if (!table.equals(fromTable)) {
                document.moveInto(table, from);
                if (!name.equals(fromName)) {
                    document.rename(table.isEmpty() ? fromName : table + "." + fromName, name);
                }
            } else {
                document.rename(from, name);
            }
        }
    }

    /**
     * A move into a table.
     *
     * @param table the table
     * @param keys  the keys moved
     */
    record MoveInto(String table, List<String> keys) implements TomlEdit {
        /** Copies the keys. */
        public MoveInto {
            Objects.requireNonNull(table, "table");
            keys = List.copyOf(keys);
        }

        @Override
        public void applyTo(TomlDocument document, String path, RuleReport report) {
            for (String key : keys) {
                if (!document.has(key)) {
                    continue;
                }
                String target = table + "." + key.substring(key.lastIndexOf('.') + 1);
                if (document.has(target)) {
                    document.remove(key);
                    report.warn(path, "key " + key + " dropped: " + target + " is already set and wins");
                } else {
                    document.moveInto(table, key);
                }
            }
        }
    }

    /**
     * A set.
     *
     * @param key          the key
     * @param value        the value
     * @param onlyIfAbsent true to leave a key that is set as it is
     */
    record SetKey(String key, JsonValue value, boolean onlyIfAbsent) implements TomlEdit {
        /** Checks the key and value. */
        public SetKey {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public void applyTo(TomlDocument document, String path, RuleReport report) {
            if (!onlyIfAbsent || !document.has(key)) {
                document.set(key, value);
            }
        }
    }

    /**
     * A removal.
     *
     * @param key the key
     */
    record Remove(String key) implements TomlEdit {
        /** Checks the key. */
        public Remove {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public void applyTo(TomlDocument document, String path, RuleReport report) {
            document.remove(key);
        }
    }

    /**
     * A table added.
     *
     * @param table the table
     */
    record AddTable(String table) implements TomlEdit {
        /** Checks the table. */
        public AddTable {
            Objects.requireNonNull(table, "table");
        }

        @Override
        public void applyTo(TomlDocument document, String path, RuleReport report) {
            document.addTable(table);
        }
    }
}
