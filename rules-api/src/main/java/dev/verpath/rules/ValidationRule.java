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
}
