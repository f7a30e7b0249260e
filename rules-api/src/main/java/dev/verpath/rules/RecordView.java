package dev.verpath.rules;

import dev.verpath.rules.json.JsonValue;
import java.util.Optional;

/**
 * One record, to change in place: the imperative way to write a record rule, for what {@link RecordEdit}s cannot
 * say. Paths are as in {@link RecordReader}. Fields the rule does not touch are written back byte for byte as they
 * were read; a field put, renamed or moved keeps its place unless the method says otherwise. A name the record sets
 * twice reads as its last value; writing, renaming, moving or removing it first makes it one field (the last value,
 * in the place of the first). Implemented by the
 * engine; not thread-safe (one record at a time).
 */
public interface RecordView extends RecordReader {

    /**
     * Sets a field: where it stands when the record has it, else at the end of its object (objects on the way are
     * created at the end of theirs).
     *
     * @param path  a field path
     * @param value the value
     * @throws RuleFailure when an object on the way is not an object
     */
    void put(String path, JsonValue value);

    /**
     * Adds a field just before another one of the same object.
     *
     * @param sibling the path of the field it goes before (must exist)
     * @param name    the new field's name (must not exist in that object)
     * @param value   its value
     * @throws IllegalArgumentException when the sibling is missing or the name is taken
     */
    void insertBefore(String sibling, String name, JsonValue value);

    /**
     * Adds a field just after another one of the same object.
     *
     * @param sibling the path of the field it goes after (must exist)
     * @param name    the new field's name (must not exist in that object)
     * @param value   its value
     * @throws IllegalArgumentException when the sibling is missing or the name is taken
     */
    void insertAfter(String sibling, String name, JsonValue value);

    /**
     * Renames a field where it stands; its value is kept byte for byte.
     *
     * @param path    the field
     * @param newName its new name in the same object (must not exist there)
     * @return false when the record has no such field
     * @throws IllegalArgumentException when the new name is taken
     */
    boolean rename(String path, String newName);

    /**
     * Moves a field to another place, its value kept byte for byte: to the end of the target's object, or to
     * where {@code before} stands when given.
     *
     * @param from   the field
     * @param to     its new path (the object on the way must exist; the name must be free)
     * @param before the path of a field of the target object to put it before, or empty for the end
     * @return false when the record has no such field
     * @throws IllegalArgumentException when the target name is taken or its object is missing
     */
    boolean move(String from, String to, Optional<String> before);

    /**
     * Removes a field.
     *
     * @param path the field
     * @return its value, when the record had it
     */
    Optional<JsonValue> remove(String path);
}
