package dev.verpath.engine.journal;

import dev.verpath.rules.ErrorCode;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One migration per installation: an OS file lock on {@code .migrate/lock}, held through one open channel for
 * the whole run and released by the OS when the holder dies, so no stale lock survives a crash. The file
 * names the holder's pid and start time for the error a second process prints.
 */
public final class InstallationLock implements AutoCloseable {

    /** The lock file's name in the state folder. */
    public static final String FILE = "lock";

    private final FileChannel channel;
    private final FileLock lock;

    private InstallationLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock or fails at once.
     *
     * @param stateFolder the installation's {@code .migrate/}
     * @return the held lock; close it to release
     * @throws MigrationException with {@link ErrorCode#LOCKED} naming the holder
     */
    public static InstallationLock acquire(Path stateFolder) {
        Path file = stateFolder.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(stateFolder);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
                channel.close();
                throw new MigrationException(ErrorCode.LOCKED, file + ": another migration holds this installation ("
                        + (holder.isEmpty() ? "holder unknown" : holder) + "); wait for it to finish");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new InstallationLock(channel, lock);
        } catch (IOException e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw new MigrationException(ErrorCode.IO_FAILED, file + ": cannot take the installation lock ("
                    + e.getMessage() + "); check permissions on the folder", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the OS releases the lock with the process anyway
        }
    }
}
