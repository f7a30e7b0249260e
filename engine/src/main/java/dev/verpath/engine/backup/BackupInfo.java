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
 * @param scope       the paths a backup of chosen files holds ({@code backups create --path DIR FILE...}); empty for
 *                    one of the whole installation
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
        Path folder,
        java.util.List<String> scope) {

    /**
     * A backup of the whole installation.
     *
     * @param id          the backup id
     * @param created     when it was taken
     * @param product     the product
     * @param from        the version before the migration
     * @param to          the version the migration aimed at
     * @param entries     how many entries it holds
     * @param sizeOnDisk  the bytes it takes on disk
     * @param linkedFiles how many of its files are hard links of the live files
     * @param folder      where it is
     */
    public BackupInfo(String id, Instant created, String product, String from, String to, int entries, long sizeOnDisk,
                      int linkedFiles, Path folder) {
        this(id, created, product, from, to, entries, sizeOnDisk, linkedFiles, folder, java.util.List.of());
    }

    /** Checks that nothing is null. */
    public BackupInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(folder, "folder");
        scope = java.util.List.copyOf(scope);
    }

    /** @return the note an operator needs when weight files are hard-linked into the backup, when any are */
    public java.util.Optional<String> linkedNote() {
        return linkedFiles == 0 ? java.util.Optional.empty() : java.util.Optional.of("note: " + linkedFiles
                + " weight file(s) are hard-linked into the backup: it protects against this migration, not against later"
                + " in-place writes to them (cp over a weight file changes the backup too); [backup] weights = copy keeps"
                + " copies");
    }
}
