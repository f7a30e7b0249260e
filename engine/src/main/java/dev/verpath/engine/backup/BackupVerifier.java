package dev.verpath.engine.backup;

import dev.verpath.engine.failure.BackupCorruptFailure;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.Excerpt;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.RelativePath;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a backup before anything is restored from it, treating it as hostile: every entry's path, type, mode
 * and link target, and every stored byte against the manifest's size and SHA-256.
 */
public final class BackupVerifier {

    private BackupVerifier() {
    }

    /**
     * Checks every entry of a backup against its manifest: present, the right size, the recorded SHA-256; the
     * archive is read through.
     *
     * @param backup a backup folder
     * @param root   the installation the backup belongs to (its files, with the backup store, are the only other
     *               names a hard-linked entry may have)
     * @return the manifest, verified
     * @throws MigrationException with {@link ErrorCode#BACKUP_CORRUPT} naming the first bad file
     */
    public static BackupManifest verify(Path backup, Path root) {
        return verify(backup, root, BackupKeys.NONE);
    }

    /**
     * As {@link #verify(Path, Path)}, reading an encrypted archive with the keys' identity.
     *
     * @param backup a backup folder
     * @param root   the installation the backup belongs to
     * @param keys   the identity an encrypted archive is read with
     * @return the manifest, verified
     * @throws MigrationException with {@link ErrorCode#BACKUP_CORRUPT} naming the first bad file, or an encrypted
     *                            archive the keys cannot open
     */
    public static BackupManifest verify(Path backup, Path root, BackupKeys keys) {
        BackupManifest manifest = verifyEntries(backup, root, true);
        try {
            BackupArchive.read(backup, archived(manifest), keys, (entry, bytes) -> { });
        } catch (IOException io) {
            throw new BackupCorruptFailure(backup + ": archive unreadable (" + Excerpt.of(io)
                    + "); nothing was restored; choose another backup with --backup-id", backup);
        }
        return manifest;
    }

    /**
     * Checks a backup's manifest and the files it keeps outside its archive, for a restore that verifies the
     * archive's entries as it extracts them. A hard-linked file whose inode and change time are still those
     * recorded when the backup was made is trusted without re-reading it (its bytes cannot have changed without
     * changing its change time), which makes a rollback of multi-GB weights cheap.
     *
     * @param backup a backup folder
     * @param root   the installation the backup belongs to
     * @return the manifest, verified but for the archive
     * @throws MigrationException with {@link ErrorCode#BACKUP_CORRUPT} naming the first bad file
     */
    public static BackupManifest verifyStored(Path backup, Path root) {
        return verifyEntries(backup, root, false);
    }

    private static BackupManifest verifyEntries(Path backup, Path root, boolean full) {
        BackupManifest manifest = BackupStore.read(backup);
        Path files = backup.resolve("files");
        java.util.Set<String> links = new java.util.HashSet<>();
        manifest.entries().stream().filter(e -> e.type().equals("symlink")).forEach(e -> links.add(e.path()));
        List<BackupManifest.Entry> toHash = new java.util.ArrayList<>();
        for (BackupManifest.Entry e : manifest.entries()) {
            checkEntry(backup, e);
            refuseBehindLink(backup, e, links);
            if (!e.type().equals("file") || e.stored().equals("archive")) {
                continue;
            }
            Path stored = files.resolve(e.path());
            try {
                if (!Files.isRegularFile(stored, LinkOption.NOFOLLOW_LINKS)) {
                    throw corrupt(backup, e, "missing or of the wrong size");
                }
                if (Files.size(stored) != e.size()) {
                    throw corrupt(backup, e, sharedInode(stored, e) ? CHANGED_IN_PLACE : "missing or of the wrong size");
                }
            } catch (IOException io) {
                throw corrupt(backup, e, "unreadable (" + Excerpt.of(io) + ")");
            }
            boolean trusted = !full && e.stat().isPresent() && e.stat().equals(LinkedFileStats.of(stored));
            if (!trusted && e.sha256().isPresent()) {
                toHash.add(e);
            }
        }
        refuseLinksFromOutside(backup, root, manifest);
        // on every core: the first bad file in manifest order is named
        List<String> problems = toHash.parallelStream().map(e -> {
            try {
                return HashCache.hash(files.resolve(e.path())).equals(e.sha256().get()) ? ""
                        : sharedInode(files.resolve(e.path()), e) ? CHANGED_IN_PLACE
                        : "content differs from its recorded SHA-256";
            } catch (IOException io) {
                return "unreadable (" + Excerpt.of(io) + ")";
            }
        }).toList();
        for (int i = 0; i < problems.size(); i++) {
            if (!problems.get(i).isEmpty()) {
                throw corrupt(backup, toHash.get(i), problems.get(i));
            }
        }
        return manifest;
    }

    /** Refuses an entry that lies behind a symbolic link of the same backup. */
    private static void refuseBehindLink(Path backup, BackupManifest.Entry e, java.util.Set<String> links) {
        for (String parent = RelativePath.parent(e.path()); !parent.isEmpty(); parent = RelativePath.parent(parent)) {
            if (links.contains(parent)) {
                throw new BackupCorruptFailure(backup.resolve(BackupManifest.FILE) + ": entry '"
                        + Excerpt.of(e.path()) + "' lies behind the symbolic link '" + Excerpt.of(parent) + "'; nothing was restored;"
                        + " choose another backup with --backup-id", backup.resolve(BackupManifest.FILE));
            }
        }
    }

    /**
     * Refuses a file kept under {@code files/} (whatever the manifest calls it) whose inode has a name neither in
     * the installation nor in the backup store: a hard link to a file outside (say {@code /etc/shadow}) that a
     * crafted backup would copy into the installation. Verpath never writes such an entry; a weight linked from
     * the live installation has its other name inside and passes. Nothing outside is read.
     */
    private static void refuseLinksFromOutside(Path backup, Path root, BackupManifest manifest) {
        List<BackupManifest.Entry> kept = manifest.entries().stream()
                .filter(e -> e.type().equals("file") && !e.stored().equals("archive")).toList();
        if (kept.isEmpty()) {
            return;
        }
        InodeCensus census;
        try {
            census = InodeCensus.of(List.of(root, backup.toAbsolutePath().normalize().getParent()));
        } catch (IOException io) {
            throw new EnvironmentFailure(root + ": cannot count the names of the backup's files ("
                    + Excerpt.of(io) + "); check that the installation and the backup store are readable");
        }
        for (BackupManifest.Entry e : kept) {
            if (census.linkedFromElsewhere(backup.resolve("files").resolve(e.path()))) {
                throw corrupt(backup, e, "is a hard link to a file outside the installation and the backup store,"
                        + " which Verpath never writes (the backup was altered)");
            }
        }
    }

    private static final String CHANGED_IN_PLACE = "changed in place since the backup (its inode is shared with the live"
            + " file); a hard-linked weight is protected against the migration, not against later in-place writes, so"
            + " this backup cannot restore it; [backup] weights = copy keeps copies instead";

    /** @return whether a hard-linked entry's file still has another name (the live weight it was linked from) */
    private static boolean sharedInode(Path stored, BackupManifest.Entry e) {
        try {
            return e.stored().equals("hardlink")
                    && ((Number) Files.getAttribute(stored, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue() > 1;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException unknown) {
            return false;
        }
    }

    /**
     * @param manifest a manifest
     * @return its entries kept in the archive
     */
    public static List<BackupManifest.Entry> archived(BackupManifest manifest) {
        return manifest.entries().stream().filter(e -> e.stored().equals("archive")).toList();
    }

    /**
     * Refuses an entry that could write outside the installation or carry privileges: a path with {@code ..},
     * an absolute path, a symbolic link that points outside its root, an unknown type, setuid or setgid bits.
     */
    private static void checkEntry(Path backup, BackupManifest.Entry e) {
        String why = null;
        try {
            String path = RelativePath.check(e.path());
            if (!path.equals(e.path()) || path.isEmpty()) {
                why = "is not a normal relative path";
            } else if (!List.of("file", "dir", "symlink").contains(e.type())) {
                why = "has an unknown type '" + Excerpt.of(e.type()) + "'";
            } else if (e.mode().length() != 9 || !e.mode().matches("[r-][w-][x-][r-][w-][x-][r-][w-][x-]")) {
                why = "has a mode with special bits (" + Excerpt.of(e.mode()) + ")";
            } else if (e.type().equals("symlink")) {
                String target = e.target().orElse("");
                int depth = path.split("/").length - 1;
                for (String segment : target.split("/")) {
                    depth += segment.equals("..") ? -1 : segment.isEmpty() || segment.equals(".") ? 0 : 1;
                    if (depth < 0) {
                        break;
                    }
                }
                if (target.isEmpty() || target.startsWith("/") || depth < 0) {
                    why = "is a symbolic link pointing outside the installation (" + Excerpt.of(target) + ")";
                }
            }
        } catch (IllegalArgumentException bad) {
            why = "has a path that leaves the installation";
        }
        if (why != null) {
            throw new BackupCorruptFailure(backup.resolve(BackupManifest.FILE) + ": entry '" + Excerpt.of(e.path())
                    + "' " + why + "; nothing was restored; choose another backup with --backup-id", backup.resolve(BackupManifest.FILE));
        }
    }

    private static MigrationException corrupt(Path backup, BackupManifest.Entry e, String what) {
        return new BackupCorruptFailure(backup.resolve("files") + "/" + Excerpt.of(e.path())
                + ": backup entry " + what + "; nothing was restored; choose another backup with --backup-id", backup.resolve("files"));
    }
}
