package dev.verpath.engine.restore;

import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.HardLinks;
import dev.verpath.engine.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * What a restore changed in the live tree, so that a restore that fails half-way puts it back and leaves the tree
 * as it was instead of mixed. An entry the restore removes or replaces is parked in a private folder (a second
 * name where the file system makes hard links, so the replace stays one atomic rename; else a rename aside), a
 * folder it creates is noted, a mode or time it sets is remembered. A crash (no chance to put back) is left to
 * the journal, which restores the backup again. Not thread-safe.
 */
final class RestoreUndo {

    /** One change, undone. */
    @FunctionalInterface
    private interface Step {
        void undo() throws IOException;
    }

    private final Path parking;
    private final boolean links;
    private final Deque<Step> steps = new ArrayDeque<>();
    private int parked;

    /**
     * @param parking a private folder on the installation's file system for what the restore removes or replaces
     * @param links   whether that file system makes hard links
     */
    RestoreUndo(Path parking, boolean links) {
        this.parking = parking;
        this.links = links;
    }

    /** Moves a live entry aside instead of deleting it. */
    void remove(Path real) throws IOException {
        Path aside = next();
        AtomicFiles.move(real, aside);
        steps.push(() -> AtomicFiles.move(aside, real));
    }

    /** Keeps what is at a path before the restore renames another entry over it (or notes that nothing was). */
    void beforeReplacing(Path real) throws IOException {
        if (!Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
            steps.push(() -> Files.deleteIfExists(real));
            return;
        }
        Path aside = next();
        if (!(links && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) && HardLinks.link(aside, real))) {
            AtomicFiles.move(real, aside);
        }
        steps.push(() -> AtomicFiles.move(aside, real));
    }

    /** Creates a folder and the missing folders above it, noting each. */
    void createFolders(Path folder) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = folder; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.add(p);
        }
        Files.createDirectories(folder);
        for (int i = missing.size() - 1; i >= 0; i--) {
            Path created = missing.get(i);
            steps.push(() -> Files.deleteIfExists(created));
        }
    }

    /** Remembers an entry's mode and modification time before the restore sets them. */
    void beforeAttributes(Path real) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(real, LinkOption.NOFOLLOW_LINKS);
        FileTime time = Files.getLastModifiedTime(real, LinkOption.NOFOLLOW_LINKS);
        steps.push(() -> {
            Files.setPosixFilePermissions(real, mode);
            Files.setLastModifiedTime(real, time);
        });
    }

    /**
     * Undoes every change, the last first.
     *
     * @throws IOException when one cannot be undone (the journal's next restore then finishes the rollback)
     */
    void putBack() throws IOException {
        while (!steps.isEmpty()) {
            steps.peek().undo();
            steps.pop();
        }
    }

    private Path next() throws IOException {
        PrivateFiles.createFolders(parking);
        return parking.resolve("p" + (++parked));
    }
}
