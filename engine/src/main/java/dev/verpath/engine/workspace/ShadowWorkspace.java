package dev.verpath.engine.workspace;

import dev.verpath.engine.files.Glob;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.ProductFiles;
import dev.verpath.engine.files.RelativePath;
import dev.verpath.engine.workspace.LiveTree.Type;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.Workspace;
import dev.verpath.rules.WriteAction;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * The workspace of a shadow run: rules read the live tree and every change is recorded as {@link Pending}
 * instead of applied. New content goes to staged files; moves, deletes and links are remembered. The live
 * tree is never written here: {@link ShadowCommit} applies the changes later, or a dry run just lists them.
 * Not thread-safe.
 */
public final class ShadowWorkspace implements Workspace {

    private final LiveTree live;
    private final StagingArea staging;
    private final HashCache hashes;
    private final ProductFiles files;
    private final PendingChanges changes;
    private final ShadowOverlay overlay;

    private volatile boolean fenced;
    private LiveReads liveReads = LiveReads.NONE;

    /**
     * A workspace that knows no product: no file is a weight it refuses to write.
     *
     * @param live          the live tree as scanned at the start
     * @param stagingFolder where new content is staged (created when needed)
     * @param durable       whether staged files are made durable before the commit (a real run) or not (a dry run)
     * @param hashes        the run's hash cache
     */
    public ShadowWorkspace(LiveTree live, Path stagingFolder, boolean durable, HashCache hashes) {
        this(live, stagingFolder, durable, hashes, ProductFiles.NONE);
    }

    /**
     * @param live          the live tree as scanned at the start
     * @param stagingFolder where new content is staged (created when needed)
     * @param durable       whether staged files are made durable before the commit (a real run) or not (a dry run)
     * @param hashes        the run's hash cache
     * @param files         the roles of the product's files: a weight file is never written
     */
    public ShadowWorkspace(LiveTree live, Path stagingFolder, boolean durable, HashCache hashes, ProductFiles files) {
        this.live = live;
        this.staging = new StagingArea(stagingFolder, durable);
        this.hashes = hashes;
        this.files = files;
        this.changes = new PendingChanges(live);
        this.overlay = changes.overlay();
    }

    /** @return the live tree this workspace shadows */
    public LiveTree live() {
        return live;
    }

    /** @return the pending changes by logical path, sorted */
    public SortedMap<String, Pending> pending() {
        return changes.view();
    }

    /** @return the folders deleted or moved away */
    public Set<String> hiddenFolders() {
        return changes.hiddenFolders();
    }

    /** @return the run's hash cache: what one phase hashed, the next need not hash again */
    public HashCache hashes() {
        return hashes;
    }

    /** @param reads what sees, from now on, each live file a pass reads whole (the backup begun before the run) */
    public void seeLiveReads(LiveReads reads) {
        this.liveReads = reads;
    }

    /**
     * @param path   a logical path a pass is about to read whole
     * @param in     its bytes, as {@link #open} gives them
     * @param hashed whether the pass hashes what it reads and remembers the hash in {@link #hashes()}
     * @return the same bytes, seen on the way by what {@link #seeLiveReads} set while they are the live file's
     * @throws IOException when the file cannot be examined
     */
    public InputStream readingWhole(String path, InputStream in, boolean hashed) throws IOException {
        String checked = RelativePath.check(path);
        if (liveReads == LiveReads.NONE || changes.view().containsKey(checked)) {
            return in;
        }
        Optional<LiveTree.Entry> entry = live.entry(checked).filter(e -> e.type() == LiveTree.Type.FILE);
        return entry.isEmpty() ? in : liveReads.reading(checked, entry.get().real(), in, hashed);
    }

    /** @return the folder staged files are written to */
    public Path stagingFolder() {
        return staging.folder();
    }

    // ---- what is visible -------------------------------------------------------------------------

    @Override
    public Optional<String> symlinkTarget(String path) {
        return overlay.symlinkTarget(RelativePath.check(path));
    }

    @Override
    public List<String> children(String folder) {
        return overlay.children(RelativePath.check(folder));
    }

    @Override
    public boolean exists(String path) {
        return overlay.type(RelativePath.check(path)).isPresent();
    }

    @Override
    public boolean isFile(String path) {
        return overlay.type(RelativePath.check(path)).filter(t -> t == Type.FILE).isPresent();
    }

    @Override
    public boolean isDirectory(String path) {
        return overlay.type(RelativePath.check(path)).filter(t -> t == Type.DIR).isPresent();
    }

    @Override
    public List<String> files(String glob) {
        Glob matcher = Glob.of(glob);
        List<String> out = new ArrayList<>();
        overlay.visibleLeaves(matcher.base()).forEach((path, type) -> {
            if (type == Type.FILE && matcher.matches(path)) {
                out.add(path);
            }
        });
        return out;
    }

    @Override
    public long size(String path) throws IOException {
        return Files.size(overlay.readable(RelativePath.check(path), 0));
    }

    @Override
    public InputStream open(String path) throws IOException {
        return new BufferedInputStream(Files.newInputStream(overlay.readable(RelativePath.check(path), 0)), 1 << 16);
    }

    @Override
    public String sha256(String path) throws IOException {
        return hashes.sha256(overlay.readable(RelativePath.check(path), 0));
    }

    /**
     * Where the bytes of a visible file are now: a staged file or a live one.
     *
     * @param path a checked logical path
     * @return the real file to read
     */
    public Path readable(String path) {
        return overlay.readable(RelativePath.check(path), 0);
    }

    // ---- changes ---------------------------------------------------------------------------------

    /**
     * Makes the new content the commit will rename into place durable: an fsync of each staged file still pending, in
     * a real run (none in a dry run). Content that a later write replaced was never synced: only what the commit puts
     * in place must survive a power loss. Called before the journal is begun.
     *
     * @return how many staged files were synced
     * @throws IOException when one cannot be synced
     */
    public int makeDurable() throws IOException {
        List<Path> staged = new ArrayList<>();
        changes.view().values().forEach(p -> {
            if (p instanceof Pending.Content c) {
                staged.add(c.staged());
            }
        });
        return staging.sync(staged);
    }

    /**
     * Fences the workspace off: every later write, move, delete or link fails, and a write under way is
     * discarded. For a rule that would not stop when its run timed out.
     */
    public void fence() {
        fenced = true;
    }

    private void checkNotFenced(String path) throws IOException {
        if (fenced) {
            throw new IOException(path + ": the run timed out; this change was discarded");
        }
    }

    @Override
    public void write(String path, WriteAction action) throws IOException {
        String p = RelativePath.check(path);
        checkNotFenced(p);
        overlay.checkWritable(p);
        if (files.isWeight(p)) {
            // a bug in the rule, as a path outside the root is (RelativePath.check)
            throw new IllegalArgumentException(p + ": a weight file is never opened for writing (its product declares it"
                    + " immutable); rules may move, hard-link or delete a weight file, never write one");
        }
        Path file = staging.write(live.real(p).map(Path::toString).orElse(p), action);
        if (fenced) {
            Files.deleteIfExists(file);
            checkNotFenced(p);
        }
        Optional<Path> modeSource = overlay.type(p).filter(t -> t == Type.FILE).map(t -> overlay.readable(p, 0));
        changes.write(p, file, modeSource, staging.folder());
    }

    @Override
    public void move(String from, String to) throws IOException {
        checkNotFenced(from);
        String f = RelativePath.check(from);
        String t = RelativePath.check(to);
        Type type = overlay.type(f).orElseThrow(() -> new RuleFailure(f, "cannot move: no such file or folder"));
        if (overlay.type(t).isPresent()) {
            throw new RuleFailure(t, "cannot move " + f + " here: the target exists");
        }
        if (RelativePath.within(f, t)) {
            throw new RuleFailure(t, "cannot move " + f + " into itself");
        }
        overlay.checkWritable(t);
        overlay.checkParents(f);
        if (type == Type.DIR) {
            for (Map.Entry<String, Type> leaf : overlay.visibleLeaves(f).entrySet()) {
                changes.moveLeaf(leaf.getKey(), t + leaf.getKey().substring(f.length()));
            }
            changes.hide(f);
        } else {
            changes.moveLeaf(f, t);
        }
    }

    @Override
    public void delete(String path) throws IOException {
        checkNotFenced(path);
        String p = RelativePath.check(path);
        Optional<Type> type = overlay.type(p);
        if (type.isEmpty()) {
            return;
        }
        overlay.checkParents(p);
        if (type.get() == Type.DIR) {
            for (String leaf : overlay.visibleLeaves(p).keySet()) {
                changes.deleteLeaf(leaf);
            }
            changes.hide(p);
        } else {
            changes.deleteLeaf(p);
        }
    }

    @Override
    public void symlink(String link, String target) throws IOException {
        checkNotFenced(link);
        String l = RelativePath.check(link);
        if (overlay.type(l).isPresent()) {
            throw new RuleFailure(l, "cannot create a symbolic link: the path exists");
        }
        overlay.checkWritable(l);
        ShadowOverlay.resolveLink(l, target);
        changes.symlink(l, target);
    }

    @Override
    public void hardLink(String path, String existing) throws IOException {
        checkNotFenced(path);
        String p = RelativePath.check(path);
        String e = RelativePath.check(existing);
        if (overlay.type(e).filter(t -> t == Type.FILE).isEmpty()) {
            throw new RuleFailure(e, "cannot link to it: not a regular file");
        }
        overlay.checkWritable(p);
        changes.hardLink(p, e);
    }
}
