package dev.verpath.engine.workspace;

import dev.verpath.engine.workspace.LiveTree.Type;
import dev.verpath.engine.workspace.Pending.Content;
import dev.verpath.engine.workspace.Pending.Gone;
import dev.verpath.engine.workspace.Pending.HardLink;
import dev.verpath.engine.workspace.Pending.Link;
import dev.verpath.engine.workspace.Pending.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The bookkeeping of a shadow run: what it has decided for each logical path ({@link Pending}) and the folders
 * it deleted or moved away. {@link ShadowWorkspace} checks a rule's change and records it here; the
 * {@link ShadowOverlay} made here reads the same entries. A staged file a later change makes useless is deleted
 * at once. Not thread-safe.
 */
final class PendingChanges {

    private final LiveTree live;
    private final SortedMap<String, Pending> pending = new TreeMap<>();
    private final Set<String> hiddenFolders = new HashSet<>();
    private final ShadowOverlay overlay;

    /**
     * @param live the live tree as scanned at the start
     */
    PendingChanges(LiveTree live) {
        this.live = live;
        this.overlay = new ShadowOverlay(live, pending, hiddenFolders);
    }

    /** @return what the shadow run sees: the live tree overlaid with these changes, kept current */
    ShadowOverlay overlay() {
        return overlay;
    }

    /** @return the pending changes by logical path, sorted, as an unmodifiable view */
    SortedMap<String, Pending> view() {
        return Collections.unmodifiableSortedMap(pending);
    }

    /** @return a copy of the folders deleted or moved away */
    Set<String> hiddenFolders() {
        return Set.copyOf(hiddenFolders);
    }

    /**
     * Records new content at a path.
     *
     * @param path          a checked logical path
     * @param staged        the staged file holding the content
     * @param modeSource    the real file now visible at the path, when it is a file
     * @param stagingFolder where staged files are: a staged file is never a mode source
     */
    void write(String path, Path staged, Optional<Path> modeSource, Path stagingFolder) throws IOException {
        Pending previous = pending.put(path, new Content(staged, modeSource.filter(real -> !real.startsWith(stagingFolder))
                .or(() -> previousModeSource(pending.get(path)))));
        discard(previous);
    }

    private static Optional<Path> previousModeSource(Pending previous) {
        return previous instanceof Content c ? c.modeSource() : Optional.empty();
    }

    private static void discard(Pending previous) throws IOException {
        if (previous instanceof Content c) {
            Files.deleteIfExists(c.staged());
        }
    }

    /** Records that what is visible at one path (a file or a link, not a folder) moves to another. */
    void moveLeaf(String from, String to) {
        Pending current = pending.get(from);
        Pending moved;
        if (current != null) {
            moved = current;
        } else if (live.entry(from).orElseThrow().type() == Type.SYMLINK) {
            moved = new Link(overlay.symlinkTarget(from).orElseThrow());
        } else {
            moved = new Origin(from);
        }
        pending.put(to, moved);
        if (live.entry(from).isPresent()) {
            pending.put(from, new Gone());
        } else {
            pending.remove(from);
        }
    }

    /** Records that what is visible at a path (a file or a link, not a folder) goes away. */
    void deleteLeaf(String path) throws IOException {
        Pending previous = live.entry(path).isPresent() ? pending.put(path, new Gone()) : pending.remove(path);
        discard(previous);
    }

    /** Hides a folder deleted or moved away, and what the live tree has under it. */
    void hide(String folder) {
        hiddenFolders.add(folder);
    }

    /** Records a symbolic link. */
    void symlink(String path, String target) {
        pending.put(path, new Link(target));
    }

    /** Records a hard link to the file visible at {@code existing}, or to the file that one links to. */
    void hardLink(String path, String existing) throws IOException {
        Pending target = pending.get(existing);
        String to = target instanceof HardLink h ? h.existing() : existing;
        discard(pending.put(path, new HardLink(to)));
    }
}
