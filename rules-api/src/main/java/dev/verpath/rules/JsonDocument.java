package dev.verpath.rules;

import dev.verpath.rules.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * A JSON file to change in place: everything a rule does not touch stays as it was written (key order, indentation,
 * spacing, number spelling, escapes). The file holds one object. Members are named by dotted paths into nested
 * objects ({@code storage.models_directory}; {@code a\.b} for a name with a dot; {@code ""} for the top object).
 * A member that is added or moved follows the spacing of its new neighbours. Implemented by the engine on Jackson's
 * streaming parser; get one from {@link RuleContext#editJson} or {@link ValidationContext#readJson}. Not
 * thread-safe.
 */
public interface JsonDocument {

    /**
     * @param path a dotted path
     * @return its value, when the file has it (for a name set twice, the last, as JSON readers take it)
     */
    Optional<JsonValue> get(String path);

    /**
     * @param path a dotted path
     * @return true when the file has it
     */
    default boolean has(String path) {
        return get(path).isPresent();
    }

    /**
     * @param object the path of an object, {@code ""} for the top
     * @return the names of its members in file order; empty when there is no such object
     */
    List<String> keys(String object);

    /**
     * Renames a member where it stands; its value and the spacing around it stay as written.
     *
     * @param path    the member
     * @param newName its new name in the same object
     * @return false when the file does not have the member
     * @throws IllegalArgumentException when the object has a member of the new name already
     */
    boolean rename(String path, String newName);

    /**
     * Moves members, each with its value as written, to the end of an object; an object that is missing is created
     * where the first of them stood. Members the file does not have are skipped.
     *
     * @param object the path of the object
     * @param paths  the members to move
     * @return how many were moved
     * @throws IllegalArgumentException when the object has a member of a moved name already
     */
    int moveInto(String object, String... paths);

    /**
     * Sets a member: its value is replaced where it stands, or the member is added at the end of its object (the
     * objects on its path created as needed).
     *
     * @param path  the member
     * @param value its value
     */
    void set(String path, JsonValue value);

    /**
     * Sets a member only when the file does not have it.
     *
     * @param path  the member
     * @param value its value
     * @return true when it was added
     */
    default boolean setIfAbsent(String path, JsonValue value) {
        if (has(path)) {
            return false;
        }
        set(path, value);
        return true;
    }

    /**
     * Removes a member with the separator that went with it.
     *
     * @param path the member
     * @return its value, when the file had it
     */
    Optional<JsonValue> remove(String path);

    /** @return the file's text as it is now */
    String text();
}
