package dev.verpath.engine.release;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One release folder beside the one a link points at, as {@code migrate releases list} shows it.
 *
 * @param folder    the folder
 * @param product   its product
 * @param version   its version, when it can be read
 * @param builtFrom the release it was built from by {@code version --into}, when it was
 * @param built     when it was built (its history's last entry), else when its VERSION was last written
 * @param role      {@code current} (the link points at it), {@code previous} (the current one was built from it),
 *                  {@code unfinished} (a build that was stopped, or runs now) or {@code other}
 */
public record Release(Path folder, String product, Optional<String> version, Optional<Path> builtFrom, Instant built,
                      String role) {

    /** Checks that nothing is null. */
    public Release {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(builtFrom, "builtFrom");
        Objects.requireNonNull(built, "built");
        Objects.requireNonNull(role, "role");
    }

    /** @return whether prune must keep it whatever the count: the current release, the previous one, a build running */
    public boolean pinned() {
        return role.equals("current") || role.equals("previous");
    }
}
