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

    /**
     * A check from a descriptor and a function.
     *
     * @param descriptor what the check is
     * @param check      what is wrong with a record, or empty when it is fine; must not change it
     * @return the check
     */
    static RecordCheck of(ValidationDescriptor descriptor, java.util.function.Function<RecordReader, Optional<String>> check) {
        java.util.Objects.requireNonNull(descriptor, "descriptor");
        java.util.Objects.requireNonNull(check, "check");
        return new RecordCheck() {
            @Override
            public ValidationDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public Optional<String> check(RecordReader record) {
                return check.apply(record);
            }
        };
    }

    /**
     * A check that every record has some fields: {@code the record has no <path>} for the first one missing.
     *
     * @param descriptor what the check is
     * @param paths      the fields every record must have, as dotted paths
     * @return the check
     */
    static RecordCheck requiring(ValidationDescriptor descriptor, String... paths) {
        java.util.List<String> required = java.util.List.of(paths);
        return of(descriptor, record -> required.stream().filter(p -> !record.has(p)).findFirst()
                .map(p -> "the record has no " + p));
    }
}
