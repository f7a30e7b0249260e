package dev.verpath.engine.restore;

import dev.verpath.engine.backup.BackupKeys;
import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.backup.BackupVerifier;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.files.RelativePath;
import dev.verpath.rules.MigrationException;
import java.nio.file.Path;

/**
 * The first phase of a restore: a backup whose manifest and the files it keeps outside its archive are verified
 * (the archive's entries are verified as staging extracts them), and whose places all lie inside the installation
 * (moved into it when it is an empty folder other than the one the backup was taken of: {@link MountPlacement}).
 *
 * @param folder   the backup folder
 * @param manifest its manifest, verified
 * @param realRoot the installation's folder, absolute and normalized
 * @param keys     the identity its archive is read with, when it is encrypted
 */
record VerifiedBackup(Path folder, BackupManifest manifest, Path realRoot, BackupKeys keys) {

    /**
     * Verifies a backup for restoring over an installation. Nothing is written.
     *
     * @param backup the backup folder
     * @param root   the installation the backup must belong to
     * @param keys   the identity its archive is read with, when it is encrypted
     * @return the verified backup
     * @throws MigrationException with {@link ErrorCode#BACKUP_CORRUPT} when the backup fails verification
     */
    static VerifiedBackup of(Path backup, Path root, BackupKeys keys) {
        Path realRoot = root.toAbsolutePath().normalize();
        BackupManifest manifest = MountPlacement.place(BackupVerifier.verifyStored(backup, realRoot), realRoot,
                backup.resolve(BackupManifest.FILE));
        return new VerifiedBackup(backup, manifest, realRoot, keys);
    }

    /**
     * @param entry an entry of the manifest
     * @return where the backup keeps that entry's file outside its archive
     */
    Path stored(BackupManifest.Entry entry) {
        return folder.resolve("files").resolve(RelativePath.check(entry.path()));
    }

    /** @return the backup's manifest file, which failures about an entry name */
    Path manifestFile() {
        return folder.resolve(BackupManifest.FILE);
    }
}
