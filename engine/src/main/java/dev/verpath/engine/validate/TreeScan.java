package dev.verpath.engine.validate;

import dev.verpath.engine.files.ProductFiles;
import dev.verpath.engine.files.RelativePath;
import dev.verpath.engine.workspace.LiveTree;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every entry of an installation as it is on disk, walked once without following symbolic links: what the
 * engine's own checks look at (modes, links and names, which the rules' workspace does not show). The
 * state folder {@code .migrate/} and excluded folders (a backup folder inside the installation) are left
 * out. Names keep the bytes the file system has: a name that is not valid UTF-8 shows U+FFFD where its bad
 * bytes are, and its {@link Entry#real()} path still opens it. Immutable.
 *
 * @param root    the installation root, absolute and normalised
 * @param files   the roles of the product's files; {@link ProductFiles#NONE} when the product is unknown
 * @param entries every entry but the root, sorted by path
 */
public record TreeScan(Path root, ProductFiles files, List<Entry> entries) {

    /** What an entry is. */
    public enum Kind {
        /** A regular file. */
        FILE,
        /** A folder. */
        DIR,
        /** A symbolic link, not followed. */
        SYMLINK,
        /** A device, socket or pipe. */
        OTHER
    }

    /**
     * One entry.
     *
     * @param path        relative to the root, {@code /} separators
     * @param real        where it is
     * @param kind        what it is
     * @param size        its size in bytes
     * @param permissions its POSIX permissions, where the file system has them
     */
    public record Entry(String path, Path real, Kind kind, long size, Optional<Set<PosixFilePermission>> permissions) {

        /** @return the last name of the path */
        public String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        /** @return the folder the entry is in, {@code ""} for the root */
        public String parent() {
            return RelativePath.parent(path);
        }

        /** @return the permissions as {@code rwxr-xr-x}, or {@code ?} where there are none */
        public String mode() {
            return permissions.map(PosixFilePermissions::toString).orElse("?");
        }
    }

    /** Copies the list. */
    public TreeScan {
        entries = List.copyOf(entries);
    }

    /**
     * Walks an installation.
     *
     * @param root     the installation root
     * @param excluded real folders to leave out besides {@code .migrate/}
     * @param files    the roles of the product's files; {@link ProductFiles#NONE} when the product is unknown
     * @return the scan
     * @throws IOException when a folder cannot be listed
     */
    public static TreeScan of(Path root, Set<Path> excluded, ProductFiles files) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Path state = base.resolve(LiveTree.STATE_FOLDER);
        List<Entry> entries = new ArrayList<>();
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(state) || excluded.contains(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!dir.equals(base)) {
                    entries.add(entry(base, dir, attrs));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                entries.add(entry(base, file, attrs));
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort(Comparator.comparing(Entry::path));
        return new TreeScan(base, files, entries);
    }

    private static Entry entry(Path base, Path real, BasicFileAttributes attrs) throws IOException {
        Kind kind = attrs.isSymbolicLink() ? Kind.SYMLINK : attrs.isDirectory() ? Kind.DIR
                : attrs.isRegularFile() ? Kind.FILE : Kind.OTHER;
        Optional<Set<PosixFilePermission>> permissions;
        if (attrs instanceof PosixFileAttributes posix) {
            permissions = Optional.of(Set.copyOf(posix.permissions()));
        } else {
            try {
                permissions = Optional.of(Set.copyOf(Files.readAttributes(real, PosixFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS).permissions()));
            } catch (UnsupportedOperationException e) {
                permissions = Optional.empty();
            }
        }
        String path = base.relativize(real).toString().replace(java.io.File.separatorChar, '/');
        return new Entry(path, real, kind, attrs.size(), permissions);
    }

    /**
     * @param folder a folder path relative to the root ({@code ""} for the root)
     * @return the entries at or below it
     */
    public List<Entry> within(String folder) {
        return entries.stream().filter(e -> RelativePath.within(folder, e.path()) && !e.path().equals(folder)).toList();
    }

    /** @return whether the product is known, so that its roles and folders say what a file is */
    public boolean productKnown() {
        return files.product().isPresent();
    }

    /**
     * @param path a path relative to the root
     * @return whether the product declares it a weight file or it lies in the product's models folder; false
     *         when the product is unknown
     */
    public boolean isModelFile(String path) {
        return files.isModelFile(path);
    }

    /**
     * @param path a path relative to the root
     * @return whether the product declares it a data file or it lies in the product's data folder; false when the
     *         product is unknown
     */
    public boolean isDataFile(String path) {
        return files.isDataFile(path);
    }

    /**
     * @param path a path relative to the root
     * @return whether the product declares it a configuration file, or it is the product's config file
     */
    public boolean isConfigFile(String path) {
        return files.isConfigFile(path);
    }
}
