package dev.verpath.engine.backup;

import dev.verpath.engine.EngineFailure;
import dev.verpath.engine.ErrorCode;
import dev.verpath.engine.workspace.AtomicFiles;
import dev.verpath.engine.workspace.CrashPoints;
import dev.verpath.engine.workspace.FileOwner;
import dev.verpath.engine.workspace.LiveTree;
import dev.verpath.engine.workspace.Mount;
import dev.verpath.engine.workspace.OwnersNotKept;
import dev.verpath.engine.workspace.RelativePath;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts a backup back in two phases. {@link #stage} verifies it (manifest, stored files, and every archive entry
 * against its SHA-256 while extracting it into a staging folder: the archive is read once) and touches nothing
 * of the installation; a damaged or crafted backup stops there. {@link #apply} then removes entries the
 * migration added and puts every backed-up file, folder and link in place by atomic renames (staged files
 * move, hard-linked ones are linked back), and re-applies owners, modes and modification times. Refuses a
 * backup whose places lie outside the installation. Not thread-safe; close it to delete the staging folder.
 */
public final class BackupRestore implements AutoCloseable {

    private final Path backup;
    private final BackupManifest manifest;
    private final Path realRoot;
    private final Path staging;
    /** Hard-linked entries whose inode is also linked from outside the installation and the store: copied. */
    private final Set<String> copiedLinks = new java.util.HashSet<>();
    private final OwnersNotKept owners = new OwnersNotKept();

    private BackupRestore(Path backup, BackupManifest manifest, Path realRoot, Path staging) {
        this.backup = backup;
        this.manifest = manifest;
        this.realRoot = realRoot;
        this.staging = staging;
    }

    /**
     * Verifies a backup and extracts its archive into a staging folder, each entry checked against the manifest
     * as it is written. Nothing outside the staging folder is written.
     *
     * @param backup  the backup folder
     * @param root    the installation the backup must belong to
     * @param staging a folder to extract into (replaced; on the installation's file system, so that the staged
     *                files can be renamed into place)
     * @return the staged restore
     * @throws IOException when the staging folder cannot be written
     * @throws MigrationException with {@link ErrorCode#BACKUP_CORRUPT} when the backup fails verification
     */
    public static BackupRestore stage(Path backup, Path root, Path staging) throws IOException {
        BackupManifest manifest = BackupVerifier.verifyStored(backup);
        Path realRoot = root.toAbsolutePath().normalize();
        for (Mount mount : manifest.mounts()) {
            if (!mount.real().startsWith(realRoot)) {
                throw new EngineFailure(ErrorCode.BACKUP_CORRUPT, backup.resolve(BackupManifest.FILE)
                        + ": backup would write outside the installation (" + mount.real() + "); nothing was restored");
            }
        }
        AtomicFiles.deleteTree(staging);
        Files.createDirectories(staging);
        long needed = manifest.entries().stream().filter(e -> e.type().equals("file") && !e.stored().equals("hardlink"))
                .mapToLong(BackupManifest.Entry::size).sum();
        long free = Files.getFileStore(staging).getUsableSpace();
        if (needed > free) {
            AtomicFiles.deleteTree(staging);
            throw outOfSpace(staging, manifest, needed, free);
        }
        BackupRestore restore = new BackupRestore(backup, manifest, realRoot, staging);
        try {
            byte[] buffer = new byte[1 << 20];
            BackupArchive.read(backup, BackupVerifier.archived(manifest), (entry, bytes) -> {
                Path staged = restore.staged(entry);
                Files.createDirectories(staged.getParent());
                try (OutputStream out = Files.newOutputStream(staged)) {
                    for (int n; (n = bytes.read(buffer)) > 0; ) {
                        out.write(buffer, 0, n);
                    }
                }
            });
            for (BackupManifest.Entry e : BackupVerifier.archived(manifest)) {
                AtomicFiles.fsync(restore.staged(e));
            }
            restore.copyLinkedFromElsewhere();
        } catch (IOException | RuntimeException e) {
            restore.close();
            if (e instanceof IOException io && outOfSpace(io)) {
                throw outOfSpace(staging, manifest, needed, Files.getFileStore(staging.getParent()).getUsableSpace());
            }
            throw e;
        }
        return restore;
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
        return new EngineFailure(ErrorCode.IO_FAILED, folder + ": restoring backup " + Excerpt.of(manifest.id())
                + " needs " + needed + " bytes of free space in this folder's file system (" + free + " free); the backup"
                + " itself is fine; free space on that disk and run rollback again");
    }

    /**
     * Copies into the staging folder, checking each against its SHA-256, the hard-linked files whose inode has
     * links that neither the installation nor the backup store accounts for: a link into a crafted backup of a
     * file outside the installation. Such a file is then restored as a copy and nothing outside is changed.
     */
    private void copyLinkedFromElsewhere() throws IOException {
        List<BackupManifest.Entry> linked = manifest.entries().stream()
                .filter(e -> e.type().equals("file") && e.stored().equals("hardlink")).toList();
        if (linked.isEmpty()) {
            return;
        }
        InodeCensus census = InodeCensus.of(List.of(realRoot, backup.getParent()));
        for (BackupManifest.Entry e : linked) {
            Path stored = backup.resolve("files").resolve(RelativePath.check(e.path()));
            if (!census.linkedFromElsewhere(stored)) {
                continue;
            }
            Path staged = staged(e);
            Files.createDirectories(staged.getParent());
            Files.copy(stored, staged, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.fsync(staged);
            if (e.sha256().isPresent() && !e.sha256().get().equals(dev.verpath.engine.workspace.HashCache.hash(staged))) {
                throw new EngineFailure(ErrorCode.BACKUP_CORRUPT, backup.resolve("files") + "/" + Excerpt.of(e.path())
                        + ": backup entry content differs from its recorded SHA-256; nothing was restored;"
                        + " choose another backup with --backup-id");
            }
            copiedLinks.add(e.path());
        }
    }

    /** @return the verified manifest */
    public BackupManifest manifest() {
        return manifest;
    }

    private Path staged(BackupManifest.Entry entry) {
        return staging.resolve(RelativePath.check(entry.path()));
    }

    /**
     * Puts the staged backup in place.
     *
     * @param excluded real folders that are not part of the installation (the backup store)
     * @return how many entries were restored
     * @throws IOException when restoring fails (repeating the rollback finishes it)
     */
    public int apply(Set<Path> excluded) throws IOException {
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
            if (current.type() == LiveTree.Type.DIR) {
                AtomicFiles.deleteTree(current.real());
            } else {
                Files.deleteIfExists(current.real());
            }
        }
        Path files = backup.resolve("files");
        int restored = 0;
        for (BackupManifest.Entry e : manifest.entries()) {
            Path real = realOf(manifest.mounts(), e.path());
            checkNoLinkBetween(realRoot, real, backup);
            switch (e.type()) {
                case "dir" -> createFolder(e, real);
                case "file" -> restoreFile(e, real, files);
                case "symlink" -> {
                    Path temporary = real.resolveSibling(real.getFileName() + ".verpath-tmp");
                    Files.createDirectories(real.getParent());
                    Files.deleteIfExists(temporary);
                    Files.createSymbolicLink(temporary, Path.of(e.target().orElseThrow()));
                    moveChecked(temporary, real);
                }
                default -> throw new EngineFailure(ErrorCode.BACKUP_CORRUPT, backup.resolve(BackupManifest.FILE)
                        + ": entry '" + Excerpt.of(e.path()) + "' has unknown type '" + Excerpt.of(e.type()) + "'; nothing more was restored");
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
            Files.setPosixFilePermissions(real, PosixFilePermissions.fromString(e.mode()));
            Files.setLastModifiedTime(real, FileTime.fromMillis(e.mtime()));
        }
        RestoredTree.check(manifest, logical -> realOf(manifest.mounts(), logical));
        return restored;
    }

    private void restoreFile(BackupManifest.Entry e, Path real, Path files) throws IOException {
        if (e.stored().equals("archive") || copiedLinks.contains(e.path())) {
            CrashPoints.reached("restore " + real);
            giveOwner(staged(e), e, real);
            moveChecked(staged(e), real);
            return;
        }
        Path stored = files.resolve(e.path());
        if (Files.exists(real, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(real, stored)) {
            return;
        }
        Path temporary = real.resolveSibling(real.getFileName() + ".verpath-tmp");
        Files.createDirectories(real.getParent());
        Files.deleteIfExists(temporary);
        CrashPoints.reached("restore " + real);
        if (e.stored().equals("hardlink")) {
            Files.createLink(temporary, stored);
            if (!Files.isSameFile(temporary, stored)) {
                throw RestoredTree.notInPlace(temporary, "the hard link to " + stored + " was not made");
            }
            owners.give(temporary, e.owner(), real); // the backed-up inode itself: unrecorded, it keeps its own owner
        } else {
            Files.copy(stored, temporary, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.fsync(temporary);
            giveOwner(temporary, e, real);
        }
        moveChecked(temporary, real);
    }

    /**
     * Gives a file about to be renamed into place its owner: the recorded one, else (a backup made before owners
     * were recorded) that of the file it replaces, else that of its folder; never the restoring user's by accident.
     */
    private void giveOwner(Path file, BackupManifest.Entry e, Path real) throws IOException {
        owners.give(file, e.owner().or(() -> FileOwner.of(real)).or(() -> FileOwner.of(real.getParent())), real);
    }

    /** Creates a backed-up folder the migration removed, with its recorded owner, else that of its parent. */
    private void createFolder(BackupManifest.Entry e, Path real) throws IOException {
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(real);
            owners.give(real, e.owner().or(() -> FileOwner.of(real.getParent())));
        }
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
            throw new EngineFailure(ErrorCode.BACKUP_CORRUPT, "backup entry '" + Excerpt.of(logical) + "' lies outside every mount; nothing more was restored");
        }
        return logical.equals(best.logical()) ? best.real()
                : best.real().resolve(best.logical().isEmpty() ? logical : logical.substring(best.logical().length() + 1));
    }

    private static void checkNoLinkBetween(Path root, Path real, Path backup) {
        for (Path p = real.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new EngineFailure(ErrorCode.BACKUP_CORRUPT, backup.resolve(BackupManifest.FILE) + ": restoring "
                        + real + " would go through the symbolic link " + p + "; nothing more was restored");
            }
        }
    }
}
