package dev.verpath.engine.files;

import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The refusal every command that writes an installation or its state makes before its first write: an
 * installation on a network file system (NFS, SMB, sshfs, ...), where file locks cannot be trusted and renames
 * may not be atomic, is migrated, restored, pruned or repaired only with {@code --allow-network-fs}.
 *
 * <p>For tests only, the system property {@code verpath.test.fs-type} stands in for the detected type (no
 * network mount can be made where the tests run).
 */
public final class NetworkFileSystem {

    private static final Set<String> TYPES = Set.of("nfs", "nfs4", "cifs", "smb", "smbfs", "smb2", "smb3",
            "fuse.sshfs", "sshfs", "afs", "9p", "fuse.s3fs", "ncpfs", "coda", "ceph", "fuse.glusterfs", "glusterfs", "lustre");

    private NetworkFileSystem() {
    }

    /**
     * Refuses a folder on a network file system unless allowed.
     *
     * @param folder  the installation (or the nearest existing folder of it)
     * @param allowed whether {@code --allow-network-fs} was given
     * @throws MigrationException with {@link ErrorCode#USAGE} when the folder is on a network file system
     */
    public static void refuse(Path folder, boolean allowed) {
        if (allowed) {
            return;
        }
        String type = type(folder);
        if (TYPES.contains(type)) {
            throw new InputFailure(ErrorCode.USAGE, folder + ": on a network file system (" + type
                    + ") where file locks and renames cannot be trusted; copy the installation to a local disk, or pass"
                    + " --allow-network-fs");
        }
    }

    private static String type(Path folder) {
        String forced = System.getProperty("verpath.test.fs-type", "");
        if (!forced.isEmpty()) {
            return forced.toLowerCase(Locale.ROOT);
        }
        Path existing = folder.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return "";
        }
        try {
            return Files.getFileStore(existing).type().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new EnvironmentFailure(folder + ": cannot read its file system (" + e.getMessage()
                    + "); check that it is mounted and readable", e);
        }
    }
}
