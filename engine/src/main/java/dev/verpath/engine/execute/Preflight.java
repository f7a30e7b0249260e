package dev.verpath.engine.execute;

import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.files.ProductFiles;
import dev.verpath.engine.plan.MigrationPlan;
import dev.verpath.engine.plan.PlanEstimator;
import dev.verpath.engine.workspace.LiveTree;
import dev.verpath.engine.workspace.Pending;
import dev.verpath.engine.workspace.ShadowWorkspace;
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
public final class Preflight {

    private Preflight() {
    }

    /**
     * Write permission on every folder the commit changes.
     *
     * @param live   the live tree
     * @param shadow the shadow run, with its pending changes
     */
    static void permissions(LiveTree live, ShadowWorkspace shadow) {
        TreeSet<Path> folders = new TreeSet<>();
        for (Map.Entry<String, Pending> e : shadow.pending().entrySet()) {
            live.real(e.getKey()).ifPresent(real -> folders.add(existingAncestor(real.getParent())));
            if (e.getValue() instanceof Pending.Origin o) {
                live.real(o.livePath()).ifPresent(real -> folders.add(real.getParent()));
            }
        }
        for (Path folder : folders) {
            if (!Files.isWritable(folder)) {
                throw new EnvironmentFailure(folder + ": no write permission, and the migration changes files"
                        + " in it; grant it (or run as the installation's owner); the installation is unchanged");
            }
        }
    }

    /**
     * Free space for the backup, and {@code keepFree} bytes more, on the backup's file system.
     *
     * @param live         the live tree
     * @param backupFolder where the backup goes (created when missing)
     * @param keepFree     bytes the backup must leave free ({@code backup.keep_free_bytes})
     * @param linkedWeights the roles whose weights the backup hard-links (or clones) on their own disk;
     *                      {@link ProductFiles#NONE} when it copies them
     * @throws IOException when the folder cannot be created or its file system read
     */
    public static void space(LiveTree live, Path backupFolder, long keepFree, ProductFiles linkedWeights) throws IOException {
        dev.verpath.engine.files.PrivateFiles.createFolders(backupFolder);
        long backupBytes = backupBytes(live, backupFolder, linkedWeights);
        long free = Files.getFileStore(backupFolder).getUsableSpace();
        long needed = backupBytes > Long.MAX_VALUE - keepFree ? Long.MAX_VALUE : backupBytes + keepFree;
        if (free < needed) {
            throw new EnvironmentFailure(backupFolder + ": " + (needed - free)
                    + " more bytes of free space are needed for the backup (" + backupBytes + " for the backup and "
                    + keepFree + " to keep free by backup.keep_free_bytes; " + free + " free); free space, choose"
                    + " --backup-dir, or lower backup.keep_free_bytes; the installation is unchanged");
        }
    }

    /**
     * Free space for the whole run before its first write: the migrated files it stages on the installation's
     * disk, the backup (when one is taken) and {@code keepFree} bytes more. Staging and backup are counted
     * together when they share a file system.
     *
     * @param plan         the plan
     * @param live         the live tree
     * @param staging      where the run stages its output
     * @param backupFolder where the backup goes
     * @param keepFreeBytes bytes to leave free when a backup is taken ({@code backup.keep_free_bytes})
     * @param backup       whether a backup is taken
     * @param linkedWeights the roles whose weights the backup hard-links (or clones) on their own disk;
     *                      {@link ProductFiles#NONE} when it copies them
     * @return the bytes the run writes on the installation's disk (staged files, and the backup when it goes there)
     * @throws IOException when a file system cannot be read
     */
    static long wholeRun(MigrationPlan plan, LiveTree live, Path staging, Path backupFolder, long keepFreeBytes, boolean backup,
                         ProductFiles linkedWeights) throws IOException {
        Map<String, Long> files = new java.util.TreeMap<>();
        live.entries().forEach((path, e) -> {
            if (e.type() == LiveTree.Type.FILE) {
                files.put(path, e.size());
            }
        });
        long staged = PlanEstimator.bytesWritten(plan, files);
        long backupBytes = backup ? backupBytes(live, backupFolder, linkedWeights) : 0;
        long keepFree = backup ? keepFreeBytes : 0; // as for the backup alone: --no-backup runs are not held to keep_free_bytes
        java.nio.file.FileStore stagingStore = Files.getFileStore(existingAncestor(staging));
        java.nio.file.FileStore backupStore = Files.getFileStore(existingAncestor(backupFolder));
        boolean shared = stagingStore.equals(backupStore);
        // named by the backup folder when both share a disk: the name operators know, and not .migrate alone
        shortOf(shared && backup ? backupFolder : existingAncestor(staging), stagingStore, staged + (shared ? backupBytes : 0), keepFree,
                staged + " for the migrated files" + (shared && backup ? " and " + backupBytes + " for the backup" : ""));
        if (!shared && backup) {
            shortOf(existingAncestor(backupFolder), backupStore, backupBytes, keepFree, backupBytes + " for the backup");
        }
        return staged + (shared ? backupBytes : 0);
    }

    private static void shortOf(Path folder, java.nio.file.FileStore store, long bytes, long keepFree, String what)
            throws IOException {
        long free = store.getUsableSpace();
        long needed = bytes > Long.MAX_VALUE - keepFree ? Long.MAX_VALUE : bytes + keepFree;
        if (free < needed) {
            throw new EnvironmentFailure("not enough free space on the disk of " + folder + ": " + (needed - free)
                    + " more bytes are needed before the migration starts (" + what + ", and " + keepFree + " to keep free by"
                    + " backup.keep_free_bytes; " + free + " free); free space there, choose --backup-dir, or lower"
                    + " backup.keep_free_bytes; the installation is unchanged");
        }
    }

    /** Bytes the backup writes: every file but the weights it hard-links, which it copies onto another disk. */
    private static long backupBytes(LiveTree live, Path backupFolder, ProductFiles linkedWeights) throws IOException {
        java.nio.file.FileStore backupStore = Files.getFileStore(existingAncestor(backupFolder));
        long bytes = 0;
        java.util.Map<Path, Boolean> sameDisk = new java.util.HashMap<>();
        for (Map.Entry<String, LiveTree.Entry> e : live.entries().entrySet()) {
            LiveTree.Entry entry = e.getValue();
            if (entry.type() != LiveTree.Type.FILE) {
                continue;
            }
            boolean linked = linkedWeights.isWeight(e.getKey()) && sameDisk.computeIfAbsent(entry.real().getParent(),
                    folder -> {
                        try {
                            return Files.getFileStore(folder).equals(backupStore);
                        } catch (IOException unknown) {
                            return false;
                        }
                    });
            if (!linked) {
                bytes += entry.size();
            }
        }
        return bytes;
    }

    private static Path existingAncestor(Path folder) {
        Path p = folder;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? folder : p;
    }
}
