package dev.verpath.engine.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code migrate info} asks for: a plan between two versions, or for an installation.
 *
 * @param root       the installation, when given: the source version and product come from it and the
 *                   plan carries an estimate
 * @param product    the product; empty: from the installation, else {@code serve}
 * @param from       the source version; empty: from the installation
 * @param to         the target version; empty: the newest reachable without lossy steps
 * @param allowLossy whether lossy edges may be taken
 */
public record PlanRequest(
        Optional<Path> root,
        Optional<String> product,
        Optional<String> from,
        Optional<String> to,
        boolean allowLossy) {

    /** Checks that nothing is null. */
    public PlanRequest {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
