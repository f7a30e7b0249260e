package dev.verpath.rules;

import java.util.Optional;

/**
 * Validates one record in memory. The record pipeline runs the checks of each step's target version
 * on the record as it leaves that step, so intermediate records are validated without being written.
 * Immutable and thread-safe.
 */
public interface RecordCheck {

    /**
     * What this check is, and the versions it applies to.
     *
     * @return the descriptor, never null
     */
    ValidationDescriptor descriptor();

    /**
     * Checks the record; must not change it.
     *
     * @param record the record at the check's version, read-only
     * @return what is wrong with the record (one sentence, naming the field), or empty when it is fine
     */
    Optional<String> check(RecordReader record);
}
