package dev.verpath.engine.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Real owners in tests: whether the test runs as root, giving a tree to another user, and reading owners back.
 * The ids are numbers that need no account: a service user and a group with another number, so that a mix-up
 * of the two shows.
 */
public final class OwnedTree {

    /** The service user's id ({@code nobody} on most systems). */
    public static final int UID = 65534;
    /** A group id other than the user's. */
    public static final int GID = 65532;
    /** Why a test that gives files away is skipped. */
    public static final String NOT_ROOT = "skipped: giving files to another owner needs root, and this test does not run as root";

    private OwnedTree() {
    }

    /**
     * @param folder a folder this process may write
     * @return whether this process creates files as root
     * @throws IOException when the folder cannot be written
     */
    public static boolean runsAsRoot(Path folder) throws IOException {
        Path probe = Files.createTempFile(folder, "owner", ".probe");
        try {
            return ((Integer) Files.getAttribute(probe, "unix:uid")) == 0;
        } finally {
            Files.delete(probe);
        }
    }

    /**
     * Gives a tree (links themselves, never what they point to) to {@link #UID}:{@link #GID}.
     *
     * @param top the folder or file
     * @throws IOException when an entry cannot be changed
     */
    public static void giveAway(Path top) throws IOException {
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path p : walk.toList()) {
                Files.setAttribute(p, "unix:uid", UID, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", GID, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /**
     * @param top a folder
     * @return {@code uid:gid} of every entry under it but {@code .migrate/}, links not followed
     * @throws IOException when an entry cannot be read
     */
    public static Map<String, String> owners(Path top) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path p : walk.filter(p -> !p.startsWith(top.resolve(LiveTree.STATE_FOLDER))).toList()) {
                out.put(top.relativize(p).toString(), owner(p));
            }
        }
        return out;
    }

    /**
     * @param p a path
     * @return its {@code uid:gid}, a link's own
     * @throws IOException when it cannot be read
     */
    public static String owner(Path p) throws IOException {
        return Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS) + ":"
                + Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    }

    /** @return {@code uid:gid} of the service user */
    public static String serviceUser() {
        return UID + ":" + GID;
    }
}
