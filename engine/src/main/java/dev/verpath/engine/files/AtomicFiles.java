package dev.verpath.engine.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The durable file operations every write of the engine goes through: fsync of files and folders, and
 * atomic renames (a cross-device move is an explicit copy, fsync, rename, delete; never a silent fallback).
 */
public final class AtomicFiles {

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().contains("win");

    private AtomicFiles() {
    }

    /**
     * Forces a file's content to disk.
     *
     * @param file a regular file
     * @throws IOException when the file cannot be synced
     */
    public static void fsync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Forces a folder's entries (names) to disk, so that a rename survives a power loss. A no-op on Windows.
     *
     * @param folder a folder
     * @throws IOException when the folder cannot be synced
     */
    public static void fsyncFolder(Path folder) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Renames {@code source} to {@code target} atomically, replacing the target, and syncs the target's folder.
     * Across file systems: copies to a temporary sibling of the target, syncs it, renames it into place and
     * deletes the source.
     *
     * @param source an existing file, link or folder
     * @param target the new name
     * @throws IOException when the move fails; the target is then unchanged
     */
    public static void move(Path source, Path target) throws IOException {
        CrashPoints.reached("rename " + source + " -> " + target);
        Files.createDirectories(target.getParent());
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException crossDevice) {
            Path temporary = target.resolveSibling(target.getFileName() + ".verpath-tmp");
            Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (Files.isRegularFile(temporary, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                fsync(temporary);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(source);
        }
        fsyncFolder(target.getParent());
    }

    /**
     * Writes bytes to a file atomically: a temporary sibling, fsync, rename, folder fsync.
     *
     * @param target  the file
     * @param content the bytes
     * @throws IOException when writing fails; the old file is then unchanged
     */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, false);
    }

    /**
     * Writes bytes to a file atomically as {@link #write}, the file created 0600 (see {@link PrivateFiles}).
     *
     * @param target  the file
     * @param content the bytes
     * @throws IOException when writing fails; the old file is then unchanged
     */
    public static void writePrivate(Path target, byte[] content) throws IOException {
        write(target, content, true);
    }

    /**
     * Replaces a file that several processes may write at once (a cache's): its folder made private when missing
     * (0700), the bytes written to a private temporary sibling of a name of its own (0600), synced when {@code durable},
     * and renamed over the file. A failure leaves the old file, and no temporary one.
     *
     * @param target  the file
     * @param content the bytes
     * @param durable whether the bytes are synced before the rename
     * @throws IOException when the file cannot be written
     */
    public static void replacePrivately(Path target, byte[] content, boolean durable) throws IOException {
        PrivateFiles.createFolders(target.getParent());
        Path temporary = PrivateFiles.createUniqueFile(target.getParent(), target.getFileName() + "-", ".tmp");
        try {
            Files.write(temporary, content);
            if (durable) {
                fsync(temporary);
            }
            move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void write(Path target, byte[] content, boolean owned) throws IOException {
        CrashPoints.reached("write " + target);
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(target.getFileName() + ".verpath-tmp");
        if (owned) {
            Files.deleteIfExists(temporary); // a leftover would keep its mode
            try (java.io.OutputStream out = PrivateFiles.newOutputStream(temporary)) {
                out.write(content);
            }
        } else {
            Files.write(temporary, content);
        }
        fsync(temporary);
        move(temporary, target);
    }

    /**
     * Deletes a folder and everything below it, deepest first; links are deleted, never followed. Nothing
     * there is nothing to do.
     *
     * @param folder the folder
     * @throws IOException when an entry cannot be deleted
     */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Whether a failure is a full disk (ENOSPC), as the operating system words it.
     *
     * @param e the failure
     * @return true when the file system had no space left
     */
    public static boolean outOfSpace(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }
}
