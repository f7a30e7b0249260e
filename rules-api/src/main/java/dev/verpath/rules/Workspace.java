package dev.verpath.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The installation as a rule sees it. Paths are relative to the installation root, use {@code /}
 * as separator, and may not leave the root ({@code ..}, absolute paths and paths through a symbolic
 * link are refused with a {@link RuleFailure}). The engine's own state folder {@code .migrate/} is
 * invisible.
 *
 * <p>Writes are atomic: {@link #write} fills a temporary file and renames it into place once it is
 * durable, so a reader (or a hard-linked backup) never sees a half-written file. There is no way to
 * open a file for in-place writing. During a dry run the same calls are recorded instead of applied.
 *
 * <p>Not thread-safe unless stated; one workspace serves one step at a time.
 */
public interface Workspace {

    /**
     * Whether an entry (file, folder or symbolic link) exists at the path.
     *
     * @param path a relative path
     * @return true when it exists
     */
    boolean exists(String path);

    /**
     * Whether the path is a regular file (not following a symbolic link).
     *
     * @param path a relative path
     * @return true for a regular file
     */
    boolean isFile(String path);

    /**
     * Whether the path is a folder (not following a symbolic link).
     *
     * @param path a relative path
     * @return true for a folder
     */
    boolean isDirectory(String path);

    /**
     * The target of a symbolic link, as stored in the link.
     *
     * @param path a relative path
     * @return the target text, or empty when the path is not a symbolic link
     */
    Optional<String> symlinkTarget(String path);

    /**
     * Every regular file whose relative path matches the glob, sorted by path. {@code *} matches
     * within one folder name, {@code **} across folders, and {@code **}{@code /} also matches no folder
     * at all, so {@code data/**}{@code /*.jsonl} matches {@code data/a.jsonl} and {@code data/x/b.jsonl}.
     *
     * @param glob the pattern, relative to the root
     * @return the matching paths, sorted, never null
     * @throws IOException when a folder cannot be listed
     */
    List<String> files(String glob) throws IOException;

    /**
     * The names of the entries directly inside a folder, sorted.
     *
     * @param folder a relative path; {@code ""} is the root
     * @return the names, empty when the folder does not exist
     * @throws IOException when the folder cannot be listed
     */
    List<String> children(String folder) throws IOException;

    /**
     * The size of a regular file in bytes.
     *
     * @param path a relative path
     * @return the size
     * @throws IOException when the file cannot be read
     */
    long size(String path) throws IOException;

    /**
     * Opens a file for reading. The caller closes the stream.
     *
     * @param path a relative path
     * @return a buffered stream of the file's bytes
     * @throws IOException when the file cannot be opened
     */
    InputStream open(String path) throws IOException;

    /**
     * Reads a whole (small) file.
     *
     * @param path a relative path
     * @return the bytes
     * @throws IOException when the file cannot be read
     */
    default byte[] read(String path) throws IOException {
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        }
    }

    /**
     * Reads a whole (small) file as UTF-8 text.
     *
     * @param path a relative path
     * @return the text
     * @throws IOException when the file cannot be read
     */
    default String readString(String path) throws IOException {
        return new String(read(path), StandardCharsets.UTF_8);
    }

    /**
     * The SHA-256 of a file's bytes as 64 lower-case hex digits. The engine hashes each file once per
     * run and reuses the value (for backups, metadata and validation alike).
     *
     * @param path a relative path
     * @return the hex digest
     * @throws IOException when the file cannot be read
     */
    String sha256(String path) throws IOException;

    /**
     * Replaces (or creates) a file atomically with what the action writes. Missing parent folders are
     * created. A new file gets mode 0644; a replaced file keeps its mode. A path its product declares a weight
     * file ({@link FileRole#WEIGHTS}) is refused (the engine reports it as a bug in the rule): weights are moved,
     * hard-linked or deleted, never written.
     *
     * @param path   a relative path
     * @param action writes the whole content
     * @throws IOException when writing fails; the old file is then unchanged
     */
    void write(String path, WriteAction action) throws IOException;

    /**
     * Replaces (or creates) a file atomically with the given bytes.
     *
     * @param path    a relative path
     * @param content the new content
     * @throws IOException when writing fails; the old file is then unchanged
     */
    default void write(String path, byte[] content) throws IOException {
        write(path, out -> out.write(content));
    }

    /**
     * Replaces (or creates) a file atomically with the given UTF-8 text.
     *
     * @param path    a relative path
     * @param content the new content
     * @throws IOException when writing fails; the old file is then unchanged
     */
    default void writeString(String path, String content) throws IOException {
        write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Moves a file or a whole folder by renaming it; no byte is copied on one file system. Missing
     * parent folders of the target are created; an existing target is refused.
     *
     * @param from a relative path that exists
     * @param to   a relative path that does not exist
     * @throws IOException when the move fails
     */
    void move(String from, String to) throws IOException;

    /**
     * Deletes a file, a symbolic link, or a folder with everything in it.
     *
     * @param path a relative path; a missing path is not an error
     * @throws IOException when deleting fails
     */
    void delete(String path) throws IOException;

    /**
     * Creates a symbolic link. The target must be relative and must resolve inside the root.
     *
     * @param link   the relative path of the new link; must not exist
     * @param target the link's target, relative to the link's folder
     * @throws IOException when the link cannot be created
     */
    void symlink(String link, String target) throws IOException;

    /**
     * Makes {@code path} another name for the bytes of {@code existing} (a hard link), replacing what
     * was at {@code path}. Used to deduplicate identical files; the caller checks that they are equal.
     *
     * @param path     the relative path to replace
     * @param existing a relative path of a regular file
     * @throws IOException when the link cannot be made
     */
    void hardLink(String path, String existing) throws IOException;
}
