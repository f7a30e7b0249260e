package dev.verpath.engine.restore;

import dev.verpath.engine.backup.BackupArchive;
import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.backup.BackupVerifier;
import dev.verpath.engine.failure.BackupCorruptFailure;
import dev.verpath.engine.failure.EngineFailure;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.Excerpt;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.CrashPoints;
import dev.verpath.engine.files.FileOwner;
import dev.verpath.engine.files.HardLinks;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.Mount;
import dev.verpath.engine.files.OwnersNotKept;
import dev.verpath.engine.files.PrivateFiles;
import dev.verpath.engine.files.RelativePath;
import dev.verpath.engine.workspace.LiveTree;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts a backup back in two phases. {@link #stage} verifies it (manifest, stored files, and every archive entry
 * against its SHA-256 while extracting it into a staging folder: the archive is read once), and prepares every
 * file and link to restore in that folder (a hard link to the backup's file where the file system makes one,
 * else a copy checked against the manifest's SHA-256), touching nothing of the installation; a damaged or crafted
 * backup, or a copy that fails, stops there. {@link #apply} then removes entries the migration added and renames
 * every staged file and link into place, and re-applies owners, modes and modification times. A failure there puts back
 * what it changed ({@link RestoreUndo}): the tree is never left mixed, and no temporary file stays. Refuses a
 * backup whose places lie outside the installation. Not thread-safe; close it to delete the staging folder.
 */
public final class BackupRestore implements AutoCloseable {

    private final Path backup;
    private final BackupManifest manifest;
    private final Path realRoot;
    private final Path staging;
    private boolean links = true;
    private boolean asBefore = true;
    private final OwnersNotKept owners = new OwnersNotKept();

    private BackupRestore(Path backup, BackupManifest manifest, Path realRoot, Path staging) {
        this.backup = backup;
        this.manifest = manifest;
        this.realRoot = realRoot;
        this.staging = staging;
    }

    /**
     * Verifies a backup and prepares its every file and link in a staging folder, each file checked against the
     * manifest as it is written. Nothing outside the staging folder is written.
     *
     * @param backup  the backup folder
     * @param root    the installation the backup must belong to
     * @param staging a folder to stage into (replaced, created 0700; on the installation's file system, so that the
     *                staged files can be renamed into place)
     * @return the staged restore
     * @throws IOException when the staging folder cannot be written
     * @throws MigrationException with {@link ErrorCode#BACKUP_CORRUPT} when the backup fails verification
     */
    public static BackupRestore stage(Path backup, Path root, Path staging) throws IOException {
        Path realRoot = root.toAbsolutePath().normalize();
        BackupManifest manifest = BackupVerifier.verifyStored(backup, realRoot);
        for (Mount mount : manifest.mounts()) {
            if (!mount.real().startsWith(realRoot)) {
                throw new BackupCorruptFailure(backup.resolve(BackupManifest.FILE)
                        + ": backup would write outside the installation (" + mount.real() + "); nothing was restored", backup.resolve(BackupManifest.FILE));
            }
        }
        AtomicFiles.deleteTree(staging);
        PrivateFiles.createFolders(staging.resolve("new"));
        BackupRestore restore = new BackupRestore(backup, manifest, realRoot, staging);
        long needed = 0;
        try {
            restore.probeLinks();
            needed = manifest.entries().stream().filter(e -> e.type().equals("file") && restore.copied(e))
                    .mapToLong(BackupManifest.Entry::size).sum();
            long free = Files.getFileStore(staging).getUsableSpace();
            if (needed > free) {
                throw outOfSpace(staging, manifest, needed, free);
            }
            byte[] buffer = new byte[1 << 20];
            BackupArchive.read(backup, BackupVerifier.archived(manifest), (entry, bytes) -> {
                Path staged = restore.staged(entry);
                PrivateFiles.createFolders(staged.getParent());
                try (OutputStream out = PrivateFiles.newOutputStream(staged)) {
                    for (int n; (n = bytes.read(buffer)) > 0; ) {
                        out.write(buffer, 0, n);
                    }
                }
            });
            for (BackupManifest.Entry e : BackupVerifier.archived(manifest)) {
                AtomicFiles.fsync(restore.staged(e));
            }
            restore.stageKeptFiles();
        } catch (IOException | RuntimeException e) {
            restore.close();
            if (e instanceof IOException io && outOfSpace(io)) {
                throw outOfSpace(staging, manifest, needed, Files.getFileStore(existing(staging)).getUsableSpace());
            }
            throw e;
        }
        return restore;
    }

    private static Path existing(Path folder) {
        Path p = folder;
        while (p.getParent() != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
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

    private static MigrationException outOfSpace(Path folder, BackupManifest manifest, long needed, long free) {
        return new EnvironmentFailure(folder + ": restoring backup " + Excerpt.of(manifest.id())
                + " needs " + needed + " bytes of free space in this folder's file system (" + free + " free); the backup"
                + " itself is fine; free space on that disk and run rollback again");
    }

    /**
     * Probes once, with the first hard-linked entry, whether the installation's file system makes hard links to
     * the backup's files; where it does not, they are copied.
     */
    private void probeLinks() {
        links = manifest.entries().stream().filter(e -> e.type().equals("file") && e.stored().equals("hardlink"))
                .findFirst().map(e -> HardLinks.madeBetween(stored(e), staging.resolve("new"))).orElse(true);
    }

    /** @return whether an entry's bytes are written anew into the staging (not a hard link) */
    private boolean copied(BackupManifest.Entry e) {
        return !e.stored().equals("hardlink") || !links;
    }

    /**
     * Stages the files kept outside the archive (linked where the file system makes links, else copied and checked
     * against their SHA-256) and the symbolic links.
     */
    private void stageKeptFiles() throws IOException {
        for (BackupManifest.Entry e : manifest.entries()) {
            Path staged = staged(e);
            if (e.type().equals("symlink")) {
                PrivateFiles.createFolders(staged.getParent());
                Files.createSymbolicLink(staged, Path.of(e.target().orElseThrow()));
                continue;
            }
            if (!e.type().equals("file") || e.stored().equals("archive")) {
                continue;
            }
            PrivateFiles.createFolders(staged.getParent());
            if (!(e.stored().equals("hardlink") && links && HardLinks.link(staged, stored(e)))) {
                copyChecked(e, staged);
            }
        }
    }

    /** Copies a backup's file into the staging, hashing it on the way, and refuses it when it differs. */
    private void copyChecked(BackupManifest.Entry e, Path staged) throws IOException {
        MessageDigest digest = HashCache.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(stored(e)), digest);
             OutputStream out = PrivateFiles.newOutputStream(staged)) {
            in.transferTo(out);
        }
        AtomicFiles.fsync(staged);
        if (e.sha256().isPresent() && !e.sha256().get().equals(HexFormat.of().formatHex(digest.digest()))) {
            throw new BackupCorruptFailure(backup.resolve("files") + "/" + Excerpt.of(e.path())
                    + ": backup entry content differs from its recorded SHA-256; nothing was restored;"
                    + " choose another backup with --backup-id", backup.resolve("files"));
        }
    }

    /** @return the verified manifest */
    public BackupManifest manifest() {
        return manifest;
    }

    /** @return true until {@link #apply} changes the live tree, and again once a failed apply has put it back */
    public boolean liveTreeAsBefore() {
        return asBefore;
    }

    private Path staged(BackupManifest.Entry entry) {
        return staging.resolve("new").resolve(RelativePath.check(entry.path()));
    }

    private Path stored(BackupManifest.Entry entry) {
        return backup.resolve("files").resolve(RelativePath.check(entry.path()));
    }

    /**
     * Puts the staged backup in place. When it fails, what it changed is put back first (then
     * {@link #liveTreeAsBefore()} is true) where that can be done; else repeating the rollback finishes it.
     *
     * @param excluded real folders that are not part of the installation (the backup store)
     * @return how many entries were restored
     * @throws IOException when restoring fails and nothing could be put back
     */
    public int apply(Set<Path> excluded) throws IOException {
        RestoreUndo undo = new RestoreUndo(staging.resolve("old"), links);
        asBefore = false;
        try {
            return applyStaged(excluded, undo);
        } catch (IOException | RuntimeException e) {
            try {
                undo.putBack();
            } catch (IOException | RuntimeException left) {
                e.addSuppressed(left);
                throw e;
            }
            asBefore = true;
            String putBack = "; the rollback put back every entry it had changed, so the installation is as it was"
                    + " before it and the backup is intact";
            if (e instanceof EngineFailure failure) {
                throw EngineFailure.of(failure.code(), failure.getMessage() + putBack, e);
            }
            throw new EnvironmentFailure(realRoot + ": the rollback failed (" + Excerpt.reason(e) + ")"
                    + putBack + "; fix the cause and run rollback again", e);
        }
    }

    private int applyStaged(Set<Path> excluded, RestoreUndo undo) throws IOException {
        Map<String, BackupManifest.Entry> wanted = manifest.entries().stream()
                .collect(Collectors.toMap(e -> RelativePath.check(e.path()), Function.identity()));
        LiveTree now = LiveTree.scan(manifest.mounts().stream()
                .filter(m -> Files.exists(m.real(), LinkOption.NOFOLLOW_LINKS)).toList(), excluded);
        List<String> currentPaths = now.entries().keySet().stream().sorted(Comparator.reverseOrder()).toList();
        for (String path : currentPaths) {
            LiveTree.Entry current = now.entries().get(path);
            BackupManifest.Entry e = wanted.get(path);
            if (current.real() == null || (e != null && sameType(current.type(), e.type()))) {
                continue;
            }
            CrashPoints.reached("remove " + current.real());
            undo.remove(current.real());
        }
        int restored = 0;
        for (BackupManifest.Entry e : manifest.entries()) {
            Path real = realOf(manifest.mounts(), e.path());
            checkNoLinkBetween(realRoot, real, backup);
            switch (e.type()) {
                case "dir" -> {
                    boolean existed = Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS);
                    undo.createFolders(real);
                    if (!existed) { // a folder the migration removed: its recorded owner, else its parent's
                        owners.give(real, e.owner().or(() -> FileOwner.of(real.getParent())));
                    }
                }
                case "file", "symlink" -> {
                    if (!inPlace(e, real)) {
                        undo.createFolders(real.getParent());
                        CrashPoints.reached("restore " + real);
                        Path staged = staged(e);
                        if (e.type().equals("file")) {
                            giveOwner(staged, e, real);
                        }
                        undo.beforeReplacing(real);
                        moveChecked(staged, real);
                    }
                }
                default -> throw new BackupCorruptFailure(backup.resolve(BackupManifest.FILE)
                        + ": entry '" + Excerpt.of(e.path()) + "' has unknown type '" + Excerpt.of(e.type()) + "'; nothing more was restored", backup.resolve(BackupManifest.FILE));
            }
            restored++;
        }
        List<BackupManifest.Entry> deepestFirst = manifest.entries().stream()
                .sorted(Comparator.comparing(BackupManifest.Entry::path).reversed()).toList();
        for (BackupManifest.Entry e : deepestFirst) {
            Path real = realOf(manifest.mounts(), e.path());
            owners.give(real, e.owner()); // before the mode: a chown clears setuid and setgid bits
            if (e.type().equals("symlink")) {
                continue;
            }
            undo.beforeAttributes(real);
            Files.setPosixFilePermissions(real, PosixFilePermissions.fromString(e.mode()));
            Files.setLastModifiedTime(real, FileTime.fromMillis(e.mtime()));
        }
        RestoredTree.check(manifest, logical -> realOf(manifest.mounts(), logical));
        return restored;
    }

    /** @return whether the live file is the backup's hard-linked file itself: nothing to restore */
    private boolean inPlace(BackupManifest.Entry e, Path real) throws IOException {
        return e.stored().equals("hardlink") && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                && Files.isSameFile(real, stored(e));
    }

    /**
     * Gives a file about to be renamed into place its owner: the recorded one; else (a backup made before owners
     * were recorded) a hard-linked file keeps the backed-up inode's own, and any other takes that of the file it
     * replaces, else that of its folder; never the restoring user's by accident.
     */
    private void giveOwner(Path file, BackupManifest.Entry e, Path real) throws IOException {
        owners.give(file, e.owner().or(() -> e.stored().equals("hardlink") ? FileOwner.of(stored(e))
                : FileOwner.of(real).or(() -> FileOwner.of(real.getParent()))), real);
    }

    /** @return the restored paths whose owner could not be put back (the rollback does not run as root) */
    public OwnersNotKept owners() {
        return owners;
    }

    /** A rename, checked: the target is there and the source gone, else the file system did not do it. */
    private static void moveChecked(Path source, Path target) throws IOException {
        AtomicFiles.move(source, target);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) || Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw RestoredTree.notInPlace(target, "the rename from " + source.getFileName() + " did not happen");
        }
    }

    /** Deletes the staging folder (what is left of it). */
    @Override
    public void close() throws IOException {
        AtomicFiles.deleteTree(staging);
    }

    private static boolean sameType(LiveTree.Type type, String manifestType) {
        return type.name().equalsIgnoreCase(manifestType);
    }

    private static Path realOf(List<Mount> mounts, String logical) {
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

    private static void checkNoLinkBetween(Path root, Path real, Path backup) {
        for (Path p = real.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new BackupCorruptFailure(backup.resolve(BackupManifest.FILE) + ": restoring "
                        + real + " would go through the symbolic link " + p + "; nothing more was restored", backup.resolve(BackupManifest.FILE));
            }
        }
    }
}
