package dev.verpath.engine.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The bytes of one file of a backup, wherever the backup keeps them: a copy or hard link under {@code files/},
 * or an entry of the archive (read as a restore reads it, every entry checked against the manifest). Used by
 * {@code migrate validate --repair} to restore a single file.
 */
public final class BackupCopy {

    /** Consumes the bytes of the entry. */
    @FunctionalInterface
    public interface Reader {
        /**
         * @param bytes the entry's bytes; do not close
         * @throws IOException when they cannot be consumed
         */
        void read(InputStream bytes) throws IOException;
    }

    private BackupCopy() {
    }

    /**
     * Reads one file entry of a backup.
     *
     * @param backup   the backup folder
     * @param manifest its manifest
     * @param entry    a {@code file} entry of the manifest
     * @param reader   receives the bytes
     * @return false when the backup does not hold the entry's bytes
     * @throws IOException when the backup cannot be read
     * @throws dev.verpath.rules.MigrationException with {@code BACKUP_CORRUPT} when its archive is damaged
     */
    public static boolean read(Path backup, BackupManifest manifest, BackupManifest.Entry entry, Reader reader)
            throws IOException {
        if (entry.stored().equals("archive")) {
            boolean[] found = {false};
            BackupArchive.read(backup, BackupVerifier.archived(manifest), (e, bytes) -> {
                if (e.path().equals(entry.path())) {
                    reader.read(bytes);
                    found[0] = true;
                }
            });
            return found[0];
        }
        Path stored = backup.resolve("files").resolve(entry.path());
        if (!Files.isRegularFile(stored, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(stored)) {
            reader.read(in);
        }
        return true;
    }
}
