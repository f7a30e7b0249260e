package dev.verpath.engine.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A backup as {@code migrate backups list} shows it.
 *
 * @param id          the backup id (sortable: newest last)
 * @param created     when it was taken
 * @param product     the product of the installation
 * @param from        the version before the migration
 * @param to          the version the migration aimed at
 * @param entries     how many files, folders and links it holds
 * @param sizeOnDisk  the bytes it takes on disk (hard-linked files count zero)
 * @param linkedFiles how many of its files are hard links of the live files (an in-place write to one of those
 *                    changes the backup too)
 * @param folder      where it is
 */
public record BackupInfo(
        String id,
        Instant created,
        String product,
        String from,
        String to,
        int entries,
        long sizeOnDisk,
        int linkedFiles,
        Path folder) {

    /** Checks that nothing is null. */
    public BackupInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(folder, "folder");
    }
}
