package dev.verpath.builtin.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.rules.RuleFailure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The configuration being edited by one config rule: the root table, and the moves the rules make
 * on it. Every move keeps the order of the keys it does not touch. When a key is moved or renamed
 * onto a name that is already set, the key already there wins and the moved one is dropped with a
 * warning. Not thread-safe; one per rule call.
 */
final class ConfigTree {

    private final String path;
    private final ObjectNode root;
    private final Consumer<String> warn;

    /**
     * @param path the config file, for messages
     * @param root the parsed configuration; edited in place
     * @param warn receives each warning
     */
    ConfigTree(String path, ObjectNode root, Consumer<String> warn) {
        this.path = path;
        this.root = root;
        this.warn = warn;
    }

    /** @return the root table */
    ObjectNode root() {
        return root;
    }

    /** @return the config file's path */
    String path() {
        return path;
    }

    /**
     * Reports a warning about the config file.
     *
     * @param message one sentence
     */
    void warn(String message) {
        warn.accept(message);
    }

    /**
     * Renames a key of a table where it stands.
     *
     * @param table  the table (root or a sub-table)
     * @param prefix the table's dotted name followed by a dot, or {@code ""} for the root, for messages
     * @param from   the old name
     * @param to     the new name
     */
    void rename(ObjectNode table, String prefix, String from, String to) {
        if (!table.has(from)) {
            return;
        }
        if (table.has(to)) {
            table.remove(from);
            warn("key " + prefix + from + " dropped: " + prefix + to + " is already set and wins");
            return;
        }
        Map<String, JsonNode> renamed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : table.properties()) {
            renamed.put(entry.getKey().equals(from) ? to : entry.getKey(), entry.getValue());
        }
        table.removeAll();
        table.setAll(renamed);
    }

    /**
     * Moves a key from one table to the end of another, under a new name.
     *
     * @param from       the table holding the key
     * @param fromName   the key's dotted name, for messages
     * @param key        the key in {@code from}
     * @param to         the target table
     * @param toName     the new dotted name, for messages
     * @param newKey     the key in {@code to}
     */
    void move(ObjectNode from, String fromName, String key, ObjectNode to, String toName, String newKey) {
        JsonNode value = from.remove(key);
        if (value == null) {
            return;
        }
        if (to.has(newKey)) {
            warn("key " + fromName + " dropped: " + toName + " is already set and wins");
            return;
        }
        to.set(newKey, value);
    }

    /**
     * A sub-table of the root.
     *
     * @param name the table's name
     * @return the table, or a new empty one (not yet in the tree) when absent
     * @throws RuleFailure when the key holds something other than a table
     */
    ObjectNode table(String name) {
        JsonNode node = root.get(name);
        if (node == null) {
            return root.objectNode();
        }
        if (!node.isObject()) {
            throw new RuleFailure(path, "key " + name, "key " + name + " must be a table");
        }
        return (ObjectNode) node;
    }

    /**
     * A sub-table of the root, added at the end of the root when absent.
     *
     * @param name the table's name
     * @return the table in the tree
     */
    ObjectNode tableInTree(String name) {
        ObjectNode table = table(name);
        if (!root.has(name)) {
            root.set(name, table);
        }
        return table;
    }
}
