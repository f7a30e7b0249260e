package dev.verpath.engine.validate;

import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationDescriptor;
import java.io.IOException;
import java.util.List;

/**
 * One of the engine's own checks: it applies to every product and version, and looks at the installation
 * as it is on disk (modes, links, names) rather than through a rule's workspace. Immutable and stateless.
 */
public interface TreeCheck {

    /** The product and versions an engine check's descriptor names: all of them. */
    String EVERY = "*";

    /**
     * What the check is; its product and versions are {@value #EVERY}.
     *
     * @return the descriptor, never null
     */
    ValidationDescriptor descriptor();

    /**
     * Looks at the installation.
     *
     * @param tree the installation's entries
     * @return the findings, empty when all is well
     * @throws IOException when a file cannot be read
     */
    List<Finding> check(TreeScan tree) throws IOException;

    /**
     * The descriptor of an engine check.
     *
     * @param id          the id, {@code engine.<category>.<name>}
     * @param displayName a short name
     * @param description full sentences
     * @param category    the category
     * @param severity    the severity
     * @return the descriptor
     */
    static ValidationDescriptor describe(String id, String displayName, String description, ValidationCategory category,
                                         Severity severity) {
        return new ValidationDescriptor(id, displayName, description, EVERY, EVERY, category, severity);
    }

    /** The body of a check. */
    @FunctionalInterface
    interface Body {
        /**
         * @param tree       the installation
         * @param descriptor the check's descriptor, for its findings
         * @return the findings
         * @throws IOException when a file cannot be read
         */
        List<Finding> check(TreeScan tree, ValidationDescriptor descriptor) throws IOException;
    }

    /**
     * A check from a descriptor and a body.
     *
     * @param descriptor what it is
     * @param body       what it does
     * @return the check
     */
    static TreeCheck of(ValidationDescriptor descriptor, Body body) {
        return new TreeCheck() {
            @Override
            public ValidationDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public List<Finding> check(TreeScan tree) throws IOException {
                return body.check(tree, descriptor);
            }
        };
    }
}
