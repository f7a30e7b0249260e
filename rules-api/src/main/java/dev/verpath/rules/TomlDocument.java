package dev.verpath.rules;

import dev.verpath.rules.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * A TOML file to change in place: everything a rule does not touch stays as it was written (comments, blank lines,
 * key order, quoting, number spelling). Keys are dotted paths ({@code workers.count}); a table is named by its path
 * ({@code workers}, {@code ""} for the top of the file). The comment lines directly above a key belong to it: they
 * move and go with it. Values are {@link JsonValue}s (TOML dates and times read as their text). Implemented by the
 * engine on a real TOML parser; get one from {@link RuleContext#editToml}. Not thread-safe.
 */
public interface TomlDocument {

    /**
     * @param key a dotted key
     * @return its value, when the file sets it
     */
    Optional<JsonValue> get(String key);

    /**
     * @param key a dotted key
     * @return true when the file sets it
     */
    default boolean has(String key) {
        return get(key).isPresent();
    }

    /**
     * @param table a table's path ({@code ""} for the top)
     * @return true when the file has that table
     */
    boolean hasTable(String table);

    /**
     * @param table a table's path ({@code ""} for the top)
     * @return the names of its keys, in file order (not those of its sub-tables)
     */
    List<String> keys(String table);

    /**
     * The tables directly under a table, whether declared with a header ({@code [models."t2v@2"]}), implied by a
     * deeper header ({@code [models."t2v@2".defaults]}) or inline ({@code x = { a = 1 }}); not arrays of tables,
     * which {@link #keys} lists with the values. A name is the table's own name, unquoted; to read inside it, quote it
     * in the dotted key ({@code models."t2v@2".version}) when it is not bare (letters, digits, {@code _}, {@code -}).
     *
     * @param table a table's path ({@code ""} for the top)
     * @return the names of its sub-tables, in file order; empty when there is no such table
     * @throws UnsupportedOperationException when the document cannot list them (the engine's always can)
     */
    default List<String> subTables(String table) {
        throw new UnsupportedOperationException("this document cannot list sub-tables; read it through the engine");
    }

    /**
     * Renames a key where it stands; its value and comments stay as written.
     *
     * @param key     the key
     * @param newName its new name in the same table (must not be set there)
     * @return false when the file does not set the key
     * @throws IllegalArgumentException when the new name is taken
     */
    boolean rename(String key, String newName);

    /**
     * Moves keys, each with its comment lines, to the end of a table (created at the end of the file when missing),
     * in the order given; the same order of arguments as {@link TomlEdit#moveInto(String, String...)}. Keys the file
     * does not set are skipped.
     *
     * @param table the table's path ({@code ""} for the top)
     * @param keys  the keys to move
     * @return how many were moved
     * @throws IllegalArgumentException when the table sets a moved name already
     */
    int moveInto(String table, String... keys);

    /**
     * Moves a key, with its comment lines, into a table just before another of its keys (or at its end).
     *
     * @param table  the table's path ({@code ""} for the top)
     * @param key    the key to move
     * @param before a key of that table to put it before (by name in the table), or empty for the end
     * @return false when the file does not set the key
     * @throws IllegalArgumentException when the table sets that name already, or has no such key to go before
     */
    boolean moveInto(String table, String key, Optional<String> before);

    /**
     * Moves a whole table (its header, its keys and the comment lines above the header) just before another table,
     * or to the end of the file; tables stay one blank line apart.
     *
     * @param table  the table's path
     * @param before the table to put it before, or empty for the end
     * @return false when the file has no such table
     */
    boolean moveTable(String table, Optional<String> before);

    /**
     * Removes a whole table: its header, its keys and the comment lines above the header.
     *
     * @param table the table's path
     * @return false when the file has no such table
     */
    boolean removeTable(String table);

    /** @return the paths of the tables the file declares with a header, in file order */
    List<String> tables();

    /**
     * Sets a key: its value is replaced where it stands (an inline comment after it is kept), or the key is added at
     * the end of its table (the table created at the end of the file when missing).
     *
     * @param key   the key
     * @param value the value (not {@code null}: TOML has none)
     */
    void set(String key, JsonValue value);

    /**
     * Removes a key and its comment lines.
     *
     * @param key the key
     * @return its value, when the file set it
     */
    Optional<JsonValue> remove(String key);

    /**
     * Adds a table at the end of the file, after a blank line, when the file has none by that path.
     *
     * @param table the table's path
     * @return false when the table was there already
     */
    boolean addTable(String table);

    /** @return the file's text as it is now */
    String text();
}
