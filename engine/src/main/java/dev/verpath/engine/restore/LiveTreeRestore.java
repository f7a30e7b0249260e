package dev.verpath.engine.restore;

import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressMeter;
import dev.verpath.engine.progress.ProgressPhase;
import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.failure.BackupCorruptFailure;
import dev.verpath.engine.failure.EngineFailure;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.Excerpt;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.CrashPoints;
import dev.verpath.engine.files.FileOwner;
import dev.verpath.engine.files.Mount;
import dev.verpath.engine.files.OwnersNotKept;
import dev.verpath.engine.files.RelativePath;
import dev.verpath.engine.workspace.LiveTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The phase of a restore that touches the live tree: removes the entries the migration added, renames every staged
 * file and link into place, re-applies owners, modes and modification times, and checks the result. A failure puts
 * back what it changed ({@link RestoreUndo}): the tree is never left mixed, and no temporary file stays. A crash
 * point precedes every removal and rename. Not thread-safe; apply once.
 */
final class LiveTreeRestore {

    private final StagedBackup staged;
    private final VerifiedBackup backup;
    private final List<Mount> mounts;
    private final OwnersNotKept owners = new OwnersNotKept();
    private final ProgressListener listener;
    private boolean asBefore = true;

    /**
     * @param staged   the staged backup to put in place
     * @param listener told of the entries put in place ({@link ProgressPhase#RESTORE})
     */
    LiveTreeRestore(StagedBackup staged, ProgressListener listener) {
        this.staged = staged;
        this.listener = listener;
        this.backup = staged.verified();
        this.mounts = backup.manifest().mounts();
    }

    /**
     * Puts the staged backup in place. When it fails, what it changed is put back first (then
     * {@link #liveTreeAsBefore()} is true) where that can be done; else repeating the rollback finishes it.
     *
     * @param excluded real folders that are not part of the installation (the backup store)
     * @return how many entries were restored
     * @throws IOException when restoring fails and nothing could be put back
     */
    int apply(Set<Path> excluded) throws IOException {
        RestoreUndo undo = new RestoreUndo(staged.parking(), staged.links());
        asBefore = false;
        try {
            removeAdded(excluded, undo);
            int restored = placeEntries(undo);
            reapplyAttributes(undo);
            RestoredTree.check(backup.manifest(), logical -> MountedPaths.realOf(mounts, logical));
            return restored;
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
            throw new EnvironmentFailure(backup.realRoot() + ": the rollback failed (" + Excerpt.reason(e) + ")"
                    + putBack + "; fix the cause and run rollback again", e);
        }
    }

    /** @return true until {@link #apply} changes the live tree, and again once a failed apply has put it back */
    boolean liveTreeAsBefore() {
        return asBefore;
    }

    /** @return the restored paths whose owner could not be put back (the rollback does not run as root) */
    OwnersNotKept owners() {
        return owners;
    }

    /**
     * Moves aside every live entry the backup covers but does not hold, or holds as another type; the deepest first.
     * A backup of chosen files covers only them: every other entry stays as it is.
     */
    private void removeAdded(Set<Path> excluded, RestoreUndo undo) throws IOException {
        Map<String, BackupManifest.Entry> wanted = backup.manifest().entries().stream()
                .collect(Collectors.toMap(e -> RelativePath.check(e.path()), Function.identity()));
        LiveTree now = LiveTree.scan(mounts.stream()
                .filter(m -> Files.exists(m.real(), LinkOption.NOFOLLOW_LINKS)).toList(), excluded);
        List<String> currentPaths = now.entries().keySet().stream().sorted(Comparator.reverseOrder()).toList();
        for (String path : currentPaths) {
            LiveTree.Entry current = now.entries().get(path);
            BackupManifest.Entry e = wanted.get(path);
            if (current.real() == null || (e != null && sameType(current.type(), e.type()))
                    || e == null && !backup.manifest().covers(path)) {
                continue;
            }
            CrashPoints.reached("remove " + current.real());
            undo.remove(current.real());
        }
    }

    /** @return how many entries were put in place: folders created, staged files and links renamed over the live */
    private int placeEntries(RestoreUndo undo) throws IOException {
        int restored = 0;
        try (ProgressMeter meter = ProgressMeter.start(listener, ProgressPhase.RESTORE, backup.manifest().entries().size())) {
            for (BackupManifest.Entry e : backup.manifest().entries()) {
                placeEntry(e, undo);
                restored++;
                meter.add(1);
            }
        }
        return restored;
    }

    private void placeEntry(BackupManifest.Entry e, RestoreUndo undo) throws IOException {
        Path real = MountedPaths.realOf(mounts, e.path());
        MountedPaths.checkNoLinkBetween(backup.realRoot(), real, backup.manifestFile());
        switch (e.type()) {
            case "dir" -> placeFolder(e, real, undo);
            case "file", "symlink" -> placeFileOrLink(e, real, undo);
            default -> throw new BackupCorruptFailure(backup.manifestFile()
                    + ": entry '" + Excerpt.of(e.path()) + "' has unknown type '" + Excerpt.of(e.type()) + "'; nothing more was restored", backup.manifestFile());
        }
    }

    private void placeFolder(BackupManifest.Entry e, Path real, RestoreUndo undo) throws IOException {
        boolean existed = Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS);
        undo.createFolders(real);
        if (!existed) { // a folder the migration removed: its recorded owner, else its parent's
            owners.give(real, e.owner().or(() -> FileOwner.of(real.getParent())));
        }
    }

    private void placeFileOrLink(BackupManifest.Entry e, Path real, RestoreUndo undo) throws IOException {
        if (inPlace(e, real)) {
            return;
        }
        undo.createFolders(real.getParent());
        CrashPoints.reached("restore " + real);
        Path source = staged.staged(e);
        if (e.type().equals("file")) {
            giveOwner(source, e, real);
        }
        undo.beforeReplacing(real);
        moveChecked(source, real);
    }

    /** Gives back owners, then modes and modification times (not a link's), the deepest entry first. */
    private void reapplyAttributes(RestoreUndo undo) throws IOException {
        List<BackupManifest.Entry> deepestFirst = backup.manifest().entries().stream()
                .sorted(Comparator.comparing(BackupManifest.Entry::path).reversed()).toList();
        for (BackupManifest.Entry e : deepestFirst) {
            Path real = MountedPaths.realOf(mounts, e.path());
            owners.give(real, e.owner()); // before the mode: a chown clears setuid and setgid bits
            if (e.type().equals("symlink")) {
                continue;
            }
            undo.beforeAttributes(real);
            Files.setPosixFilePermissions(real, PosixFilePermissions.fromString(e.mode()));
            Files.setLastModifiedTime(real, FileTime.fromMillis(e.mtime()));
        }
    }

    /** @return whether the live file is the backup's hard-linked file itself: nothing to restore */
    private boolean inPlace(BackupManifest.Entry e, Path real) throws IOException {
        return e.stored().equals("hardlink") && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                && Files.isSameFile(real, backup.stored(e));
    }

    /**
     * Gives a file about to be renamed into place its owner: the recorded one; else (a backup made before owners
     * were recorded) a hard-linked file keeps the backed-up inode's own, and any other takes that of the file it
     * replaces, else that of its folder; never the restoring user's by accident.
     */
    private void giveOwner(Path file, BackupManifest.Entry e, Path real) throws IOException {
        owners.give(file, e.owner().or(() -> e.stored().equals("hardlink") ? FileOwner.of(backup.stored(e))
                : FileOwner.of(real).or(() -> FileOwner.of(real.getParent()))), real);
    }

    /** A rename, checked: the target is there and the source gone, else the file system did not do it. */
    private static void moveChecked(Path source, Path target) throws IOException {
        AtomicFiles.move(source, target);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) || Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw RestoredTree.notInPlace(target, "the rename from " + source.getFileName() + " did not happen");
        }
    }

    private static boolean sameType(LiveTree.Type type, String manifestType) {
        return type.name().equalsIgnoreCase(manifestType);
    }
}
