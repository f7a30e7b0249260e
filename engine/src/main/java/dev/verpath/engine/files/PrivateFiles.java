package dev.verpath.engine.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Folders and files only their owner can read, made so at creation (the mode is given to {@code mkdir} and
 * {@code open}, never set afterwards, so there is no moment when they are open to others, whatever the umask):
 * folders 0700, files 0600. Backups, their archives and manifests, and the staging folders hold the config and
 * records that carry secrets. A file system without POSIX permissions gets plain folders and files. Thread-safe.
 */
public final class PrivateFiles {

    private static final String FOLDER_MODE = "rwx------";
    private static final String FILE_MODE = "rw-------";

    private PrivateFiles() {
    }

    /**
     * Creates a folder and any missing folder above it, each 0700; existing folders are left as they are.
     *
     * @param folder the folder
     * @throws IOException when it cannot be created
     */
    public static void createFolders(Path folder) throws IOException {
        Files.createDirectories(folder, folderMode(folder));
    }

    /**
     * Creates a new folder of a name of its own in {@code parent} ({@code prefix} and a random suffix), 0700, as
     * {@link Files#createTempDirectory(Path, String, FileAttribute[])} does, without its {@code SecureRandom}
     * (see {@link #createUniqueFile}).
     *
     * @param parent the folder to create it in
     * @param prefix the start of its name
     * @return the new folder
     * @throws IOException when it cannot be created
     */
    public static Path createUniqueFolder(Path parent, String prefix) throws IOException {
        FileAttribute<?>[] mode = folderMode(parent);
        return createUnique(parent, prefix, "", name -> Files.createDirectory(name, mode));
    }

    /**
     * Creates a new, empty file of a name of its own in {@code parent} ({@code prefix}, a random part, {@code suffix}),
     * 0600, as {@link Files#createTempFile(Path, String, String, FileAttribute[])} does, without that method's first
     * call setting up a {@code SecureRandom} (10-15 ms of a command: bench/README.md, issue 30). The random part needs
     * no secrecy: a name that exists is never taken ({@code mkdir}, {@code O_EXCL}), so a name someone made first
     * costs a second try, never a file or folder of theirs.
     *
     * @param parent the folder to create it in
     * @param prefix the start of its name
     * @param suffix the end of its name
     * @return the new file
     * @throws IOException when it cannot be created
     */
    public static Path createUniqueFile(Path parent, String prefix, String suffix) throws IOException {
        FileAttribute<?>[] mode = fileMode(parent);
        return createUnique(parent, prefix, suffix, name -> Files.createFile(name, mode));
    }

    /** Makes one entry of a given name, failing with {@link FileAlreadyExistsException} when the name is taken. */
    private interface Creation {
        Path create(Path name) throws IOException;
    }

    private static Path createUnique(Path parent, String prefix, String suffix, Creation creation) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            try {
                return creation.create(parent.resolve(prefix + random + suffix));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * Opens a file for writing, created 0600 when it does not exist (an existing one is truncated and keeps its mode).
     *
     * @param file the file
     * @return the stream
     * @throws IOException when it cannot be opened
     */
    public static OutputStream newOutputStream(Path file) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        return Channels.newOutputStream(Files.newByteChannel(file, options, fileMode(file)));
    }

    /**
     * @param file a file about to be created
     * @return the attributes that create it 0600, none where the file system has no POSIX permissions
     */
    public static FileAttribute<?>[] fileMode(Path file) {
        return mode(file, FILE_MODE);
    }

    private static FileAttribute<?>[] folderMode(Path folder) {
        return mode(folder, FOLDER_MODE);
    }

    private static FileAttribute<?>[] mode(Path path, String permissions) {
        return posix(path.getFileSystem())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(FileSystem fileSystem) {
        return fileSystem.supportedFileAttributeViews().contains("posix");
    }
}
