package dev.verpath.engine.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Hard links, made only where the file system really makes them. Some network and FUSE file systems refuse
 * {@code link(2)}, and some report it done while the new name is a copy or a different file; a caller that
 * relies on a link (a backup's weight, a restore's staged file) makes it here, checks it, and copies instead
 * when it is not a link. Thread-safe.
 *
 * <p>For tests only, the system property {@code verpath.test.no-hard-links=true} makes every file system one
 * without hard links (a tmpfs, where the tests can mount one, always makes them).
 */
public final class HardLinks {

    /** The test-only property that stands in for a file system without hard links. */
    public static final String NONE_PROPERTY = "verpath.test.no-hard-links";

    private HardLinks() {
    }

    /**
     * Makes a hard link and checks that it is one: the same file as the existing one, its link count raised.
     *
     * @param link     the new name (must not exist)
     * @param existing an existing regular file
     * @return true when the link was made; false when the file system made none (nothing is left at {@code link})
     */
    public static boolean link(Path link, Path existing) {
        if (Boolean.getBoolean(NONE_PROPERTY)) {
            return false;
        }
        try {
            Files.createLink(link, existing);
            if (Files.isSameFile(link, existing) && linkCount(existing) >= 2) {
                return true;
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // no link: the caller copies
        }
        try {
            Files.deleteIfExists(link);
        } catch (IOException e) {
            // what a refused link left is in a folder its caller removes
        }
        return false;
    }

    /**
     * Probes once whether hard links to a file can be made in a folder (the folder's file system makes them, and
     * it is the file's): a link is made there and removed again.
     *
     * @param existing an existing regular file
     * @param folder   an existing folder
     * @return true when a checked link could be made
     */
    public static boolean madeBetween(Path existing, Path folder) {
        Path probe = folder.resolve(".verpath-link-probe");
        boolean made = link(probe, existing);
        try {
            Files.deleteIfExists(probe);
        } catch (IOException e) {
            return false;
        }
        return made;
    }

    private static int linkCount(Path file) {
        try {
            return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 2; // no link count to read: isSameFile has decided
        }
    }
}
