package dev.verpath.engine.files;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A real file or folder shown at a logical path of a workspace. A whole installation is one mount at
 * {@code ""}; {@code migrate config --config FILE} mounts FILE at the product's config path.
 *
 * @param logical the logical path ({@code ""} for the root)
 * @param real    the real file or folder
 */
public record Mount(String logical, Path real) {

    /** Checks the logical path. */
    public Mount {
        logical = RelativePath.check(logical);
        Objects.requireNonNull(real, "real");
        real = real.toAbsolutePath().normalize();
    }
}
