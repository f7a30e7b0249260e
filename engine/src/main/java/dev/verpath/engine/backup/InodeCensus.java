package dev.verpath.engine.backup;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How many names of each inode lie in the folders a restore may account for (the installation and the backup
 * store). A hard-linked backup file whose inode has more links than these names is linked from somewhere else
 * (a file outside the installation, linked into a crafted backup): restoring it by link, or setting its mode,
 * would change that outside file. Not thread-safe; a snapshot, taken before anything is touched.
 */
final class InodeCensus {

    private final Map<String, Integer> names = new HashMap<>();

    private InodeCensus() {
    }

    /**
     * Counts the regular files below the folders (symbolic links are not followed; a folder below another is
     * counted once).
     *
     * @param folders the installation and the backup store
     * @return the census
     * @throws IOException when a folder cannot be walked
     */
    static InodeCensus of(List<Path> folders) throws IOException {
        InodeCensus census = new InodeCensus();
        List<Path> distinct = folders.stream().map(p -> p.toAbsolutePath().normalize()).distinct()
                .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        for (Path folder : distinct) {
            if (distinct.stream().anyMatch(other -> !other.equals(folder) && folder.startsWith(other))) {
                continue;
            }
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        inode(file).ifPresent(key -> census.names.merge(key, 1, Integer::sum));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return census;
    }

    /**
     * @param file a hard-linked file of a backup
     * @return true when its inode has a link that none of the counted names accounts for (or its links cannot
     *         be counted): it must be copied, never linked, and its mode never set
     */
    boolean linkedFromElsewhere(Path file) {
        Optional<String> key = inode(file);
        try {
            int links = ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
            return key.isEmpty() || links > names.getOrDefault(key.get(), 0);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return true;
        }
    }

    private static Optional<String> inode(Path file) {
        try {
            return Optional.of(Files.getAttribute(file, "unix:dev", LinkOption.NOFOLLOW_LINKS) + ":"
                    + Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
