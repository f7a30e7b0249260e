package dev.verpath.engine.workspace;

import dev.verpath.engine.files.RelativePath;
import dev.verpath.engine.workspace.LiveTree.Type;
import dev.verpath.engine.workspace.Pending.Content;
import dev.verpath.engine.workspace.Pending.Gone;
import dev.verpath.engine.workspace.Pending.HardLink;
import dev.verpath.engine.workspace.Pending.Link;
import dev.verpath.engine.workspace.Pending.Origin;
import dev.verpath.rules.RuleFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a shadow run sees: the live tree as scanned, overlaid with the pending changes (a pending entry wins
 * over the live one; a {@link Gone} or a hidden folder hides it). The read side of {@link ShadowWorkspace}:
 * {@link PendingChanges} owns the pending map and the hidden folders and changes them; this class only reads
 * them, and checks the paths a rule writes against what it sees. Not thread-safe.
 */
final class ShadowOverlay {

    private static final int LINK_DEPTH = 8;

    private final LiveTree live;
    private final SortedMap<String, Pending> pending;
    private final Set<String> hiddenFolders;

    ShadowOverlay(LiveTree live, SortedMap<String, Pending> pending, Set<String> hiddenFolders) {
        this.live = live;
        this.pending = pending;
        this.hiddenFolders = hiddenFolders;
    }

    /** @return the type of what is visible at a logical path, if anything is */
    Optional<Type> type(String path) {
        if (path.isEmpty()) {
            return Optional.of(Type.DIR);
        }
        Pending p = pending.get(path);
        if (p != null) {
            if (p instanceof Gone) {
                return overlayHasChildren(path) ? Optional.of(Type.DIR) : Optional.empty();
            }
            return Optional.of(p instanceof Link ? Type.SYMLINK : Type.FILE);
        }
        Optional<LiveTree.Entry> entry = live.entry(path);
        if (entry.isPresent() && !hidden(path)) {
            return Optional.of(entry.get().type());
        }
        return overlayHasChildren(path) ? Optional.of(Type.DIR) : Optional.empty();
    }

    boolean hidden(String path) {
        for (String folder : hiddenFolders) {
            if (RelativePath.within(folder, path)) {
                return true;
            }
        }
        return false;
    }

    private boolean overlayHasChildren(String folder) {
        String prefix = folder + "/";
        for (Map.Entry<String, Pending> e : pending.tailMap(prefix).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                return false;
            }
            if (!(e.getValue() instanceof Gone)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses a path a rule may not write: the root, a path outside what the command may change, a path through
     * a file or a symbolic link, or a visible folder.
     */
    void checkWritable(String path) {
        checkParents(path);
        if (type(path).filter(t -> t == Type.DIR).isPresent()) {
            throw new RuleFailure(path, "a folder is in the way");
        }
    }

    /** Refuses the root, a path outside what the command may change, and a path through a file or a link. */
    void checkParents(String path) {
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

    /** @return every visible entry (files and links) by logical path, sorted */
    SortedMap<String, Type> visibleLeaves(String under) {
        SortedMap<String, Type> out = new TreeMap<>();
        for (Map.Entry<String, LiveTree.Entry> e : live.entries().entrySet()) {
            String path = e.getKey();
            if (e.getValue().type() != Type.DIR && RelativePath.within(under, path)
                    && !pending.containsKey(path) && !hidden(path)) {
                out.put(path, e.getValue().type());
            }
        }
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            if (!(e.getValue() instanceof Gone) && RelativePath.within(under, e.getKey())) {
                out.put(e.getKey(), e.getValue() instanceof Link ? Type.SYMLINK : Type.FILE);
            }
        }
        return out;
    }

    /** @return the target of the symbolic link visible at a checked logical path */
    Optional<String> symlinkTarget(String p) {
        Pending pend = pending.get(p);
        if (pend instanceof Link link) {
            return Optional.of(link.target());
        }
        if (pend == null && !hidden(p)) {
            Optional<LiveTree.Entry> entry = live.entry(p).filter(e -> e.type() == Type.SYMLINK);
            if (entry.isPresent()) {
                try {
                    return Optional.of(Files.readSymbolicLink(entry.get().real()).toString());
                } catch (IOException e) {
                    throw new RuleFailure(p, "cannot read the symbolic link: " + e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    /** @return the names visible in a checked logical folder, sorted */
    List<String> children(String f) {
        TreeSet<String> names = new TreeSet<>();
        String prefix = f.isEmpty() ? "" : f + "/";
        for (String path : live.entries().keySet()) {
            if (path.startsWith(prefix) && !path.equals(f)) {
                String name = path.substring(prefix.length()).split("/", 2)[0];
                if (type(prefix + name).isPresent()) {
                    names.add(name);
                }
            }
        }
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            if (e.getKey().startsWith(prefix) && !(e.getValue() instanceof Gone)) {
                names.add(e.getKey().substring(prefix.length()).split("/", 2)[0]);
            }
        }
        return List.copyOf(names);
    }

    /** @return the real file holding the bytes visible at a checked logical path (a staged or a live file) */
    Path readable(String path, int depth) {
        if (depth > LINK_DEPTH) {
            throw new RuleFailure(path, "too many levels of symbolic links");
        }
        Pending p = pending.get(path);
        if (p instanceof Content c) {
            return c.staged();
        }
        if (p instanceof Origin o) {
            return live.entry(o.livePath()).orElseThrow().real();
        }
        if (p instanceof HardLink h) {
            return readable(h.existing(), depth + 1);
        }
        if (p instanceof Link l) {
            return readable(resolveLink(path, l.target()), depth + 1);
        }
        if (p == null && !hidden(path)) {
            Optional<LiveTree.Entry> entry = live.entry(path);
            if (entry.isPresent() && entry.get().type() == Type.FILE) {
                return entry.get().real();
            }
            if (entry.isPresent() && entry.get().type() == Type.SYMLINK) {
                return readable(resolveLink(path, symlinkTarget(path).orElseThrow()), depth + 1);
            }
        }
        throw new RuleFailure(path, "no such file");
    }

    static String resolveLink(String link, String target) {
        if (target.startsWith("/")) {
            throw new RuleFailure(link, "symbolic link points outside the installation (" + target + ")");
        }
        List<String> parts = new ArrayList<>(List.of(RelativePath.parent(link).isEmpty()
                ? new String[0] : RelativePath.parent(link).split("/")));
        for (String segment : target.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    throw new RuleFailure(link, "symbolic link points outside the installation (" + target + ")");
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(segment);
            }
        }
        return String.join("/", parts);
    }
}
