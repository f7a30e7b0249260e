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
 * @param into       {@code version --into DEST}: the migrated installation is built in DEST, and the target is never
 *                   written (its weight files are hard-linked where DEST is on the same file system)
 * @param link       {@code --switch LINK} with {@code into}: the symbolic link the server reads through, switched to DEST
 *                   once it is built, gated by the health check
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
        boolean optimize,
        Optional<Path> into,
        Optional<Path> link) {

    /** Checks that nothing is null. */
    public RunRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(into, "into");
        Objects.requireNonNull(link, "link");
    }

    /**
     * A request that migrates the target in place.
     *
     * @param scope      which rules run
     * @param target     the installation root, config file, data file or folder, or models folder
     * @param product    the product; empty: from the installation, else {@code serve}
     * @param from       the source version; empty: from the installation
     * @param to         the target version; empty: the newest reachable without lossy steps
     * @param dryRun     when true, nothing is written anywhere
     * @param allowLossy whether lossy edges may be taken
     * @param backup     false with {@code --no-backup}
     * @param optimize   whether model rules may deduplicate weight files
     */
    public RunRequest(Scope scope, Path target, Optional<String> product, Optional<String> from, Optional<String> to,
                      boolean dryRun, boolean allowLossy, boolean backup, boolean optimize) {
        this(scope, target, product, from, to, dryRun, allowLossy, backup, optimize, Optional.empty(), Optional.empty());
    }

    /**
     * @param dest the folder to build the migrated installation in ({@code version --into DEST})
     * @param link the symbolic link to switch to it once built ({@code --switch LINK}), when given
     * @return this request, building into it
     */
    public RunRequest into(Path dest, Optional<Path> link) {
        return new RunRequest(scope, target, product, from, to, dryRun, allowLossy, backup, optimize, Optional.of(dest),
                link);
    }

    /**
     * @param root the folder to migrate in place instead (a side-by-side run's new folder), taking no backup
     * @return this request, migrating {@code root} in place
     */
    public RunRequest inPlaceAt(Path root) {
        return new RunRequest(scope, root, product, from, to, dryRun, allowLossy, false, optimize, Optional.empty(),
                Optional.empty());
    }

    /**
     * This request as a dry run: nothing is written anywhere.
     *
     * @return a new request; this one is unchanged
     */
    public RunRequest asDryRun() {
        return new RunRequest(scope, target, product, from, to, true, allowLossy, backup, optimize, into, link);
    }
}
