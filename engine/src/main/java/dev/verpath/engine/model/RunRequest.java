package dev.verpath.engine.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code migrate version|config|data|models} asks for.
 *
 * @param scope      which rules run
 * @param target     the installation root (VERSION), config file (CONFIG), data file or folder (DATA),
 *                   or models folder (MODELS)
 * @param product    the product; empty: from the installation, else {@code serve}
 * @param from       the source version; empty: from the installation's history, else its VERSION
 * @param to         the target version; empty: the newest reachable without lossy steps
 * @param dryRun     when true, nothing is written anywhere; the result lists what would change
 * @param allowLossy whether lossy edges may be taken
 * @param backup     false with {@code --no-backup}: no backup even where {@code [backup] before_migration} asks for
 *                   one (the engine decides whether one is taken, once, from both)
 * @param optimize   whether model rules may deduplicate weight files ({@code --optimize})
 */
public record RunRequest(
        Scope scope,
        Path target,
        Optional<String> product,
        Optional<String> from,
        Optional<String> to,
        boolean dryRun,
        boolean allowLossy,
        boolean backup,
        boolean optimize) {

    /** Checks that nothing is null. */
    public RunRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /**
     * This request as a dry run: nothing is written anywhere.
     *
     * @return a new request; this one is unchanged
     */
    public RunRequest asDryRun() {
        return new RunRequest(scope, target, product, from, to, true, allowLossy, backup, optimize);
    }
}
