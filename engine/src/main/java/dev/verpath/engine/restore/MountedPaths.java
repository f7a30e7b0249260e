package dev.verpath.engine.restore;

import dev.verpath.engine.failure.BackupCorruptFailure;
import dev.verpath.engine.failure.Excerpt;
import dev.verpath.engine.files.Mount;
import dev.verpath.engine.files.RelativePath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a backup's logical paths lie on disk, through the mounts its manifest records, and the check that a restore
 * never writes through a symbolic link inside the installation.
 */
final class MountedPaths {

    private MountedPaths() {
    }

    /**
     * @param mounts  the backup's mounts
     * @param logical a logical path of the backup
     * @return its real path, through the deepest mount that covers it
     */
    static Path realOf(List<Mount> mounts, String logical) {
        Mount best = null;
        for (Mount m : mounts) {
            if (RelativePath.within(m.logical(), logical) && (best == null || m.logical().length() > best.logical().length())) {
                best = m;
            }
        }
        if (best == null) {
            throw new BackupCorruptFailure("backup entry '" + Excerpt.of(logical) + "' lies outside every mount; nothing more was restored", Path.of(logical));
        }
        return logical.equals(best.logical()) ? best.real()
                : best.real().resolve(best.logical().isEmpty() ? logical : logical.substring(best.logical().length() + 1));
    }

    /**
     * Refuses a real path with a symbolic link among its folders below the installation's.
     *
     * @param root     the installation's folder
     * @param real     a path the restore is about to write
     * @param manifest the backup's manifest file, which the failure names
     */
    static void checkNoLinkBetween(Path root, Path real, Path manifest) {
        for (Path p = real.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new BackupCorruptFailure(manifest + ": restoring "
                        + real + " would go through the symbolic link " + p + "; nothing more was restored", manifest);
            }
        }
    }
}
