package dev.verpath.engine.execute;

import dev.verpath.engine.workspace.LiveTree;
import dev.verpath.engine.workspace.Pending;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.workspace.ShadowWorkspace;
import dev.verpath.rules.ErrorCode;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks before the first write to the installation: enough free space for the backup, and write permission
 * on every folder the commit changes. Weight files are hard-linked into the backup, so only the
 * other files count against the free space. Either short, the run stops with the installation unchanged.
 */
final class Preflight {

    private Preflight() {
    }

    static void check(LiveTree live, ShadowWorkspace shadow, Path backupFolder) throws IOException {
        TreeSet<Path> folders = new TreeSet<>();
        for (Map.Entry<String, Pending> e : shadow.pending().entrySet()) {
            live.real(e.getKey()).ifPresent(real -> folders.add(existingAncestor(real.getParent())));
            if (e.getValue() instanceof Pending.Origin o) {
                live.real(o.livePath()).ifPresent(real -> folders.add(real.getParent()));
            }
        }
        for (Path folder : folders) {
            if (!Files.isWritable(folder)) {
                throw new MigrationException(ErrorCode.IO_FAILED, folder + ": no write permission, and the migration changes files"
                        + " in it; grant it (or run as the installation's owner); the installation is unchanged");
            }
        }
        long backupBytes = live.entries().entrySet().stream()
                .filter(e -> e.getValue().type() == LiveTree.Type.FILE && !BackupStore.keptByLink(e.getKey()))
                .mapToLong(e -> e.getValue().size()).sum();
        Files.createDirectories(backupFolder);
        long free = Files.getFileStore(backupFolder).getUsableSpace();
        if (free < backupBytes) {
            throw new MigrationException(ErrorCode.IO_FAILED, backupFolder + ": " + (backupBytes - free)
                    + " more bytes of free space are needed for the backup (" + backupBytes + " needed, " + free
                    + " free); free space or choose --backup-dir; the installation is unchanged");
        }
    }

    private static Path existingAncestor(Path folder) {
        Path p = folder;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? folder : p;
    }
}
