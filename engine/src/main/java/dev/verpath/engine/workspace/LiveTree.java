package dev.verpath.engine.workspace;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.files.Mount;
import dev.verpath.engine.files.RelativePath;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The installation's entries as they were when the run started, by logical path, scanned once without
 * following symbolic links. The engine's state folder {@code .migrate/} and any excluded folder (a backup
 * folder inside the installation) are left out. Immutable.
 */
public final class LiveTree {

    /** The name of the engine's state folder at an installation root. */
    public static final String STATE_FOLDER = ".migrate";

    /** The type of an entry. */
    public enum Type {
        /** A regular file. */
        FILE,
        /** A folder. */
        DIR,
        /** A symbolic link (never followed). */
        SYMLINK
    }

    /**
     * An entry of the tree.
     *
     * @param type  what it is
     * @param real  where it is
     * @param size  its size in bytes (files)
     * @param mtime its modification time in milliseconds
     */
    public record Entry(Type type, Path real, long size, long mtime) {
    }

    private final List<Mount> mounts;
    private final SortedMap<String, Entry> entries;

    private final List<String> scope;

    private LiveTree(List<Mount> mounts, SortedMap<String, Entry> entries, List<String> scope) {
        this.mounts = List.copyOf(mounts);
        this.entries = Collections.unmodifiableSortedMap(entries);
        this.scope = List.copyOf(scope);
    }

    /**
     * The part of this tree that chosen paths cover: each path, everything below one that is a folder, and the
     * folders above each (so that a restore can make them again).
     *
     * @param chosen logical paths, each an entry of this tree
     * @return the part, whose {@link #scope()} is the chosen paths, sorted
     * @throws dev.verpath.rules.MigrationException a usage failure naming a path that is not in the tree
     */
    public LiveTree only(java.util.Collection<String> chosen) {
        List<String> sorted = List.copyOf(new java.util.TreeSet<>(chosen));
        SortedMap<String, Entry> part = new TreeMap<>();
        for (String path : sorted) {
            if (!entries.containsKey(path)) {
                throw new InputFailure(ErrorCode.USAGE, display(path) + ": not in the installation; give paths of files"
                        + " or folders inside it, relative to its root");
            }
            entries.forEach((p, e) -> {
                if (p.equals(path) || p.startsWith(path + "/") || path.startsWith(p + "/")) {
                    part.put(p, e);
                }
            });
        }
        return new LiveTree(mounts, part, sorted);
    }

    /** @return the chosen paths of a tree made by {@link #only}; empty for a whole tree */
    public List<String> scope() {
        return scope;
    }

    /**
     * Scans the mounts.
     *
     * @param mounts   what to show where
     * @param excluded real folders to leave out (besides every {@code .migrate} at a mount's root)
     * @return the tree
     * @throws IOException when a folder cannot be read
     */
    public static LiveTree scan(List<Mount> mounts, Set<Path> excluded) throws IOException {
        SortedMap<String, Entry> entries = new TreeMap<>();
        for (Mount mount : mounts) {
            addParents(entries, mount.logical());
            if (!Files.exists(mount.real(), LinkOption.NOFOLLOW_LINKS)) {
                throw new InputFailure(ErrorCode.USAGE, mount.real() + ": no such file or folder; check the path");
            }
            if (!Files.isDirectory(mount.real(), LinkOption.NOFOLLOW_LINKS)) {
                BasicFileAttributes a = Files.readAttributes(mount.real(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                entries.put(mount.logical(), new Entry(a.isSymbolicLink() ? Type.SYMLINK : Type.FILE, mount.real(), a.size(),
                        a.lastModifiedTime().toMillis()));
                continue;
            }
            Path state = mount.real().resolve(STATE_FOLDER);
            Files.walkFileTree(mount.real(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(state) || excluded.contains(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    String logical = logical(mount, dir);
                    if (!logical.isEmpty()) {
                        entries.put(logical, new Entry(Type.DIR, dir, 0, 0));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Type type = attrs.isSymbolicLink() ? Type.SYMLINK : attrs.isRegularFile() ? Type.FILE : null;
                    if (type != null) {
                        entries.put(logical(mount, file), new Entry(type, file, attrs.size(), attrs.lastModifiedTime().toMillis()));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return new LiveTree(mounts, entries, List.of());
    }

    /**
     * Whether a symbolic link points outside a folder, read as the link's text resolved against its own folder
     * (links are never followed).
     *
     * @param link the link
     * @param root the folder, as given and as its real path
     * @return true when the target lies outside both
     * @throws IOException when the link or the folder cannot be read
     */
    public static boolean pointsOutside(Path link, Path root) throws IOException {
        Path resolved = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
        return !resolved.startsWith(root) && !resolved.startsWith(root.toRealPath());
    }

    /**
     * The symbolic links of the tree that point outside a folder, by logical path.
     *
     * @param root the installation
     * @return the links' entries, in logical path order; empty when there is none
     * @throws IOException when a link cannot be read
     */
    public List<Entry> linksOutside(Path root) throws IOException {
        List<Entry> outside = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.type() == Type.SYMLINK && e.real() != null && pointsOutside(e.real(), root)) {
                outside.add(e);
            }
        }
        return List.copyOf(outside);
    }

    private static void addParents(SortedMap<String, Entry> entries, String logical) {
        String parent = RelativePath.parent(logical);
        while (!parent.isEmpty()) {
            entries.putIfAbsent(parent, new Entry(Type.DIR, null, 0, 0));
            parent = RelativePath.parent(parent);
        }
    }

    private static String logical(Mount mount, Path real) {
        String relative = mount.real().relativize(real).toString().replace('\\', '/');
        return relative.isEmpty() ? mount.logical() : RelativePath.join(mount.logical(), relative);
    }

    /** @return the mounts */
    public List<Mount> mounts() {
        return mounts;
    }

    /** @return every entry by logical path, sorted */
    public SortedMap<String, Entry> entries() {
        return entries;
    }

    /**
     * @param logical a logical path
     * @return the entry, when there is one
     */
    public Optional<Entry> entry(String logical) {
        return Optional.ofNullable(entries.get(logical));
    }

    /**
     * A logical path as a message names it for the user: as it is when the installation root is mounted (it is
     * relative to the installation then), else the real path of the file the user gave ({@code migrate config
     * --config server.json} mounts that file as {@code config/server.toml}, a name the user never wrote).
     *
     * @param logical a logical path
     * @return the path to print
     */
    public String display(String logical) {
        boolean rootMounted = mounts.stream().anyMatch(m -> m.logical().isEmpty());
        return rootMounted ? logical : real(logical).map(Path::toString).orElse(logical);
    }

    /**
     * Where a logical path is (or would be) on disk.
     *
     * @param logical a logical path
     * @return the real path, or empty when no mount covers it
     */
    public Optional<Path> real(String logical) {
        Mount best = null;
        for (Mount mount : mounts) {
            if (RelativePath.within(mount.logical(), logical)
                    && (best == null || mount.logical().length() > best.logical().length())) {
                best = mount;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        if (logical.equals(best.logical())) {
            return Optional.of(best.real());
        }
        String rest = best.logical().isEmpty() ? logical : logical.substring(best.logical().length() + 1);
        return Optional.of(best.real().resolve(rest));
    }

    /**
     * The first regular file whose size or modification time differs from the scan (or that is gone): someone
     * else wrote to the installation during the run.
     *
     * @return the logical path of the changed file, when there is one
     */
    public Optional<String> changedSinceScan() {
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry entry = e.getValue();
            if (entry.type() != Type.FILE) {
                continue;
            }
            try {
                BasicFileAttributes now = Files.readAttributes(entry.real(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (now.size() != entry.size() || now.lastModifiedTime().toMillis() != entry.mtime()) {
                    return Optional.of(e.getKey());
                }
            } catch (IOException gone) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** @return the total size of the regular files */
    public long totalFileBytes() {
        return entries.values().stream().filter(e -> e.type() == Type.FILE).mapToLong(Entry::size).sum();
    }

    /** @return the logical paths of the regular files, sorted */
    public List<String> files() {
        return entries.entrySet().stream().filter(e -> e.getValue().type() == Type.FILE).map(Map.Entry::getKey).toList();
    }
}
