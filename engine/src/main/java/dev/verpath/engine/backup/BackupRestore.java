package dev.verpath.engine.backup;

import dev.verpath.engine.workspace.AtomicFiles;
import dev.verpath.engine.workspace.CrashPoints;
import dev.verpath.engine.workspace.LiveTree;
import dev.verpath.engine.workspace.Mount;
import dev.verpath.engine.workspace.RelativePath;
import dev.verpath.rules.ErrorCode;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
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
 * Puts a verified backup back: entries the migration added are removed, every backed-up file, folder and
 * link is restored by an atomic rename of a fully written temporary sibling, then modes and modification
 * times are re-applied. Refuses a backup whose places lie outside the installation.
 */
public final class BackupRestore {

    private BackupRestore() {
    }

    /**
     * Restores a backup.
     *
     * @param backup   the backup folder
     * @param manifest its verified manifest
     * @param root     the installation the backup must belong to
     * @param excluded real folders that are not part of the installation (the backup store)
     * @return how many entries were restored
     * @throws IOException when restoring fails
     */
    public static int restore(Path backup, BackupManifest manifest, Path root, Set<Path> excluded) throws IOException {
        Path realRoot = root.toAbsolutePath().normalize();
        for (Mount mount : manifest.mounts()) {
            if (!mount.real().startsWith(realRoot)) {
                throw new MigrationException(ErrorCode.BACKUP_CORRUPT, backup.resolve(BackupManifest.FILE)
                        + ": backup would write outside the installation (" + mount.real() + "); nothing was restored");
            }
        }
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
                deleteTree(current.real());
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
                case "dir" -> Files.createDirectories(real);
                case "file" -> {
                    if (e.stored().equals("archive")) {
                        restored++;
                        continue;
                    }
                    Path stored = files.resolve(e.path());
                    if (!(Files.exists(real, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(real, stored))) {
                        Path temporary = real.resolveSibling(real.getFileName() + ".verpath-tmp");
                        Files.createDirectories(real.getParent());
                        Files.deleteIfExists(temporary);
                        CrashPoints.reached("restore " + real);
                        if (e.stored().equals("hardlink")) {
                            Files.createLink(temporary, stored);
                        } else {
                            Files.copy(stored, temporary, StandardCopyOption.REPLACE_EXISTING);
                            AtomicFiles.fsync(temporary);
                        }
                        AtomicFiles.move(temporary, real);
                    }
                }
                case "symlink" -> {
                    Path temporary = real.resolveSibling(real.getFileName() + ".verpath-tmp");
                    Files.createDirectories(real.getParent());
                    Files.deleteIfExists(temporary);
                    Files.createSymbolicLink(temporary, Path.of(e.target().orElseThrow()));
                    AtomicFiles.move(temporary, real);
                }
                default -> throw new MigrationException(ErrorCode.BACKUP_CORRUPT, backup.resolve(BackupManifest.FILE)
                        + ": entry " + e.path() + " has unknown type " + e.type() + "; nothing more was restored");
            }
            restored++;
        }
        BackupArchive.read(backup, BackupVerifier.archived(manifest), (entry, bytes) -> {
            Path real = realOf(manifest.mounts(), entry.path());
            checkNoLinkBetween(realRoot, real, backup);
            Files.createDirectories(real.getParent());
            Path temporary = real.resolveSibling(real.getFileName() + ".verpath-tmp");
            CrashPoints.reached("restore " + real);
            try (java.io.OutputStream out = Files.newOutputStream(temporary)) {
                bytes.transferTo(out);
            }
            AtomicFiles.fsync(temporary);
            AtomicFiles.move(temporary, real);
        });
        List<BackupManifest.Entry> deepestFirst = manifest.entries().stream()
                .sorted(Comparator.comparing(BackupManifest.Entry::path).reversed()).toList();
        for (BackupManifest.Entry e : deepestFirst) {
            Path real = realOf(manifest.mounts(), e.path());
            if (e.type().equals("symlink")) {
                continue;
            }
            Files.setPosixFilePermissions(real, PosixFilePermissions.fromString(e.mode()));
            Files.setLastModifiedTime(real, FileTime.fromMillis(e.mtime()));
        }
        return restored;
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
            throw new MigrationException(ErrorCode.BACKUP_CORRUPT, "backup entry " + logical + " lies outside every mount; nothing more was restored");
        }
        return logical.equals(best.logical()) ? best.real()
                : best.real().resolve(best.logical().isEmpty() ? logical : logical.substring(best.logical().length() + 1));
    }

    private static void checkNoLinkBetween(Path root, Path real, Path backup) {
        for (Path p = real.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new MigrationException(ErrorCode.BACKUP_CORRUPT, backup.resolve(BackupManifest.FILE) + ": restoring "
                        + real + " would go through the symbolic link " + p + "; nothing more was restored");
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
