package dev.verpath.engine.files;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Who owns a file, folder or link: its numeric user and group ids, as {@code ls -n} shows them. A file the
 * engine writes in place of another (or restores) is given the owner of the one it replaces, so that an
 * installation owned by a service user and migrated by root stays the service user's. Immutable.
 *
 * @param uid the user id
 * @param gid the group id
 */
public record FileOwner(int uid, int gid) {

    /**
     * The owner of a path, a link's own (never followed).
     *
     * @param path a path
     * @return its owner, or empty when the path is missing or the file system has no numeric owners (Windows)
     */
    public static Optional<FileOwner> of(Path path) {
        try {
            Map<String, Object> ids = Files.readAttributes(path, "unix:uid,gid", LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new FileOwner((Integer) ids.get("uid"), (Integer) ids.get("gid")));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Gives a path (a link itself, never what it points to) this owner and group where they differ. Only root
     * may give a file to another user; anyone else keeps the file as it is, which this reports.
     *
     * @param path an existing path
     * @return false when the process may not give it this owner or group (the path then keeps its own)
     * @throws IOException when the path is missing
     */
    public boolean giveTo(Path path) throws IOException {
        Optional<FileOwner> now = of(path);
        if (now.isEmpty()) {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new NoSuchFileException(path.toString());
            }
            return true; // no numeric owners here: nothing to keep
        }
        boolean given = true;
        if (now.get().uid != uid) {
            given = set(path, "unix:uid", uid);
        }
        if (now.get().gid != gid) {
            given &= set(path, "unix:gid", gid);
        }
        return given;
    }

    private static boolean set(Path path, String attribute, int id) throws IOException {
        try {
            Files.setAttribute(path, attribute, id, LinkOption.NOFOLLOW_LINKS);
            return true;
        } catch (NoSuchFileException gone) {
            throw gone;
        } catch (FileSystemException notPermitted) {
            // EPERM for anyone but root (or EACCES, EROFS): the path keeps the owner it has
            return false;
        }
    }
}
