package dev.verpath.engine.workspace;

import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.Glob;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.PrivateFiles;
import dev.verpath.engine.files.ProductFiles;
import dev.verpath.engine.files.RelativePath;
import dev.verpath.engine.workspace.LiveTree.Type;
import dev.verpath.engine.workspace.Pending.Content;
import dev.verpath.engine.workspace.Pending.Gone;
import dev.verpath.engine.workspace.Pending.HardLink;
import dev.verpath.engine.workspace.Pending.Link;
import dev.verpath.engine.workspace.Pending.Origin;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.Workspace;
import dev.verpath.rules.WriteAction;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The workspace of a shadow run: rules read the live tree and every change is recorded as {@link Pending}
 * instead of applied. New content goes to staged files; moves, deletes and links are remembered. The live
 * tree is never written here: {@link ShadowCommit} applies the changes later, or a dry run just lists them.
 * Not thread-safe.
 */
public final class ShadowWorkspace implements Workspace {

    private final LiveTree live;
    private final Path stagingFolder;
    private final boolean durable;
    private final HashCache hashes;
    private final ProductFiles files;
    private final SortedMap<String, Pending> pending = new TreeMap<>();
    private final Set<String> hiddenFolders = new HashSet<>();
    private final ShadowOverlay overlay;
    private int staged;

    private volatile boolean fenced;

    /**
     * A workspace that knows no product: no file is a weight it refuses to write.
     *
     * @param live          the live tree as scanned at the start
     * @param stagingFolder where new content is staged (created when needed)
     * @param durable       whether staged files are fsynced (a real run) or not (a dry run)
     * @param hashes        the run's hash cache
     */
    public ShadowWorkspace(LiveTree live, Path stagingFolder, boolean durable, HashCache hashes) {
        this(live, stagingFolder, durable, hashes, ProductFiles.NONE);
    }

    /**
     * @param live          the live tree as scanned at the start
     * @param stagingFolder where new content is staged (created when needed)
     * @param durable       whether staged files are fsynced (a real run) or not (a dry run)
     * @param hashes        the run's hash cache
     * @param files         the roles of the product's files: a weight file is never written
     */
    public ShadowWorkspace(LiveTree live, Path stagingFolder, boolean durable, HashCache hashes, ProductFiles files) {
        this.live = live;
        this.stagingFolder = stagingFolder;
        this.durable = durable;
        this.hashes = hashes;
        this.files = files;
        this.overlay = new ShadowOverlay(live, pending, hiddenFolders);
    }

    /** @return the live tree this workspace shadows */
    public LiveTree live() {
        return live;
    }

    /** @return the pending changes by logical path, sorted */
    public SortedMap<String, Pending> pending() {
        return java.util.Collections.unmodifiableSortedMap(pending);
    }

    /** @return the folders deleted or moved away */
    public Set<String> hiddenFolders() {
        return Set.copyOf(hiddenFolders);
    }

    /** @return the folder staged files are written to */
    public Path stagingFolder() {
        return stagingFolder;
    }

    // ---- what is visible -------------------------------------------------------------------------

    private Optional<Type> type(String path) {
        return overlay.type(path);
    }

    private boolean hidden(String path) {
        return overlay.hidden(path);
    }

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
        return type(RelativePath.check(path)).isPresent();
    }

    @Override
    public boolean isFile(String path) {
        return type(RelativePath.check(path)).filter(t -> t == Type.FILE).isPresent();
    }

    @Override
    public boolean isDirectory(String path) {
        return type(RelativePath.check(path)).filter(t -> t == Type.DIR).isPresent();
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

    private void checkWritable(String path) {
        checkParents(path);
        if (type(path).filter(t -> t == Type.DIR).isPresent()) {
            throw new RuleFailure(path, "a folder is in the way");
        }
    }

    private void checkParents(String path) {
        if (path.isEmpty()) {
            throw new RuleFailure("(root)", "the installation root itself cannot be replaced");
        }
        if (live.real(path).isEmpty()) {
            throw new RuleFailure(path, "path is outside what this command may change");
        }
        String parent = RelativePath.parent(path);
        while (!parent.isEmpty()) {
            Optional<Type> t = type(parent);
            if (t.isPresent() && t.get() != Type.DIR) {
                throw new RuleFailure(path, "path goes through " + (t.get() == Type.SYMLINK ? "a symbolic link" : "a file")
                        + " (" + parent + "); rules may only write inside real folders");
            }
            parent = RelativePath.parent(parent);
        }
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
        checkWritable(p);
        if (files.isWeight(p)) {
            // a bug in the rule, as a path outside the root is (RelativePath.check)
            throw new IllegalArgumentException(p + ": a weight file is never opened for writing (its product declares it"
                    + " immutable); rules may move, hard-link or delete a weight file, never write one");
        }
        PrivateFiles.createFolders(stagingFolder);
        Path file = stagingFolder.resolve(String.format("w%06d.tmp", ++staged));
        boolean done = false;
        try (FileChannel channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PrivateFiles.fileMode(file))) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            action.writeTo(new NonClosingOutputStream(out));
            out.flush();
            if (durable) {
                channel.force(true);
            }
            done = true;
        } catch (IOException e) {
            if (AtomicFiles.outOfSpace(e)) {
                // named as the user knows the file, with where its migrated copy was being written
                throw new IOException(live.real(p).map(Path::toString).orElse(p) + ": no space left to write its migrated copy"
                        + " in " + stagingFolder, e);
            }
            throw e;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
        if (fenced) {
            Files.deleteIfExists(file);
            checkNotFenced(p);
        }
        Optional<Path> modeSource = type(p).filter(t -> t == Type.FILE).map(t -> overlay.readable(p, 0));
        Pending previous = pending.put(p, new Content(file, modeSource.filter(real -> !real.startsWith(stagingFolder))
                .or(() -> previousModeSource(pending.get(p)))));
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

    @Override
    public void move(String from, String to) throws IOException {
        checkNotFenced(from);
        String f = RelativePath.check(from);
        String t = RelativePath.check(to);
        Type type = type(f).orElseThrow(() -> new RuleFailure(f, "cannot move: no such file or folder"));
        if (type(t).isPresent()) {
            throw new RuleFailure(t, "cannot move " + f + " here: the target exists");
        }
        if (RelativePath.within(f, t)) {
            throw new RuleFailure(t, "cannot move " + f + " into itself");
        }
        checkWritable(t);
        checkParents(f);
        if (type == Type.DIR) {
            for (Map.Entry<String, Type> leaf : overlay.visibleLeaves(f).entrySet()) {
                moveLeaf(leaf.getKey(), t + leaf.getKey().substring(f.length()));
            }
            hiddenFolders.add(f);
        } else {
            moveLeaf(f, t);
        }
    }

    private void moveLeaf(String from, String to) {
        Pending current = pending.get(from);
        Pending moved;
        if (current != null) {
            moved = current;
        } else if (live.entry(from).orElseThrow().type() == Type.SYMLINK) {
            moved = new Link(symlinkTarget(from).orElseThrow());
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

    @Override
    public void delete(String path) throws IOException {
        checkNotFenced(path);
        String p = RelativePath.check(path);
        Optional<Type> type = type(p);
        if (type.isEmpty()) {
            return;
        }
        checkParents(p);
        if (type.get() == Type.DIR) {
            for (String leaf : overlay.visibleLeaves(p).keySet()) {
                deleteLeaf(leaf);
            }
            hiddenFolders.add(p);
        } else {
            deleteLeaf(p);
        }
    }

    private void deleteLeaf(String path) throws IOException {
        Pending previous = live.entry(path).isPresent() ? pending.put(path, new Gone()) : pending.remove(path);
        discard(previous);
    }

    @Override
    public void symlink(String link, String target) throws IOException {
        checkNotFenced(link);
        String l = RelativePath.check(link);
        if (type(l).isPresent()) {
            throw new RuleFailure(l, "cannot create a symbolic link: the path exists");
        }
        checkWritable(l);
        ShadowOverlay.resolveLink(l, target);
        pending.put(l, new Link(target));
    }

    @Override
    public void hardLink(String path, String existing) throws IOException {
        checkNotFenced(path);
        String p = RelativePath.check(path);
        String e = RelativePath.check(existing);
        if (type(e).filter(t -> t == Type.FILE).isEmpty()) {
            throw new RuleFailure(e, "cannot link to it: not a regular file");
        }
        checkWritable(p);
        Pending target = pending.get(e);
        String to = target instanceof HardLink h ? h.existing() : e;
        discard(pending.put(p, new HardLink(to)));
    }

    /** An output stream that ignores close, so a rule cannot close the engine's stream early. */
    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
