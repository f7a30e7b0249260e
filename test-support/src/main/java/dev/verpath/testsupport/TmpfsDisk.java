package dev.verpath.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small tmpfs mounted on a folder for one test, to fill it up or to give a second file system. It needs root and
 * the {@code mount} program: without them the test is skipped with the reason. Closing it unmounts it.
 */
public final class TmpfsDisk implements AutoCloseable {

    private final Path folder;

    private TmpfsDisk(Path folder) {
        this.folder = folder;
    }

    /**
     * Mounts a tmpfs of the given size on a folder, creating the folder; skips the test when that cannot be done.
     *
     * @param folder  where to mount it
     * @param size    its size as mount takes it, e.g. {@code 2m}
     * @param purpose what the test needs it for, for the skip message
     * @return the mounted disk
     */
    public static TmpfsDisk mount(Path folder, String size, String purpose) {
        HostProgram.requireRoot(purpose);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HostProgram.require(purpose, "mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toString());
        return new TmpfsDisk(folder);
    }

    /**
     * The folder the disk is mounted on.
     *
     * @return its path
     */
    public Path folder() {
        return folder;
    }

    /** Unmounts the disk (lazily, so that a file a failed test left open does not keep it). */
    @Override
    public void close() {
        HostProgram.run("umount", "-l", folder.toString());
    }
}
