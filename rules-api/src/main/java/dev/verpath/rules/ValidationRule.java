package dev.verpath.rules;

import java.io.IOException;
import java.util.List;

/**
 * Checks an installation at a version: after each migration step, and on {@code migrate validate}.
 * Immutable and stateless; may be called more than once.
 */
public interface ValidationRule {

    /**
     * What this rule is, and the versions it applies to.
     *
     * @return the descriptor, never null
     */
    ValidationDescriptor descriptor();

    /**
     * Looks at the installation and returns what is wrong. Must not write (the workspace refuses).
     *
     * @param context the installation and the version it should be at
     * @return the findings, empty when all is well; never null
     * @throws IOException when a file cannot be read (reported as an error finding by the engine)
     */
    List<Finding> check(ValidationContext context) throws IOException;

    /**
     * Whether this validation reads the product's record files (the files its record rules' {@code paths} name).
     * The record pipeline carries records through several steps in one streaming pass and writes them only at the
     * pass's end; a pass therefore ends at each version that has a validation reading record files, so that it sees
     * the records of that version. Return false when the validation reads none (a config or model check), so that
     * the steps around its version stay in one pass; the record files are then hidden from it at a version inside a
     * pass. Checks of single records are better written as a {@link RecordCheck}: it runs on every record in memory
     * as the record leaves a step, and on the installed files in {@code migrate validate}. May be called more than
     * once; thread-safe.
     *
     * @return true (the default) when the validation may read record files
     * @since 2.0.0
     */
    default boolean readsRecordFiles() {
        return true;
    }
}
