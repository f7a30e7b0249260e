package dev.verpath.engine.restore;

import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.Excerpt;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The free space a restore's staging needs: checked before anything is written, and a full disk met while staging
 * reported in the same words, saying how much is needed and that the backup itself is fine.
 */
final class StagingSpace {

    private StagingSpace() {
    }

    /**
     * Refuses to stage when the staging folder's file system has less room than the bytes to write.
     *
     * @param staging  the staging folder
     * @param manifest the backup's manifest
     * @param needed   the bytes staging writes anew
     * @throws IOException when the free space cannot be read
     */
    static void require(Path staging, BackupManifest manifest, long needed) throws IOException {
        long free = Files.getFileStore(staging).getUsableSpace();
        if (needed > free) {
            throw failure(staging, manifest, needed, free);
        }
    }

    /** @return whether a write failed because the disk (or the user's quota) is full */
    static boolean outOfSpace(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure of a staging that ran out of space, with the space free now where the folder (or what is left of
     * it) lies.
     *
     * @param staging  the staging folder, perhaps deleted already
     * @param manifest the backup's manifest
     * @param needed   the bytes staging writes anew
     * @return the failure: the environment's, the backup fine
     * @throws IOException when the free space cannot be read
     */
    static MigrationException exhausted(Path staging, BackupManifest manifest, long needed) throws IOException {
        return failure(staging, manifest, needed, Files.getFileStore(existing(staging)).getUsableSpace());
    }

    private static Path existing(Path folder) {
        Path p = folder;
        while (p.getParent() != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }

    private static MigrationException failure(Path folder, BackupManifest manifest, long needed, long free) {
        return new EnvironmentFailure(folder + ": restoring backup " + Excerpt.of(manifest.id())
                + " needs " + needed + " bytes of free space in this folder's file system (" + free + " free); the backup"
                + " itself is fine; free space on that disk and run rollback again");
    }
}
