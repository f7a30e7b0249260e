package dev.verpath.engine.journal;

import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.LockHeldFailure;
import dev.verpath.engine.files.CrashPoints;
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
import java.util.Optional;

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
        CrashPoints.pause("before-lock " + stateFolder);
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
                throw new LockHeldFailure(file + ": another migration holds this installation ("
                        + (holder.isEmpty() ? "holder unknown" : holder) + "); wait for it to finish", file, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            CrashPoints.pause("lock-taken " + stateFolder);
            return new InstallationLock(channel, lock);
        } catch (IOException e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw new EnvironmentFailure(file + ": cannot take the installation lock ("
                    + e.getMessage() + "); check permissions on the folder", e);
        }
    }

    /**
     * Who holds the lock now, without taking it and without creating anything: a command that only reads
     * ({@code status}, a dry run) asks this to tell a live migration from an interrupted one.
     *
     * @param stateFolder the installation's {@code .migrate/}
     * @return the holder as its lock file names it ({@code pid N since T}, or {@code holder unknown}), when a
     *         live process holds the lock
     */
    public static Optional<String> holder(Path stateFolder) {
        Path file = stateFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock probe;
            try {
                probe = channel.tryLock(0, Long.MAX_VALUE, true);
            } catch (OverlappingFileLockException e) {
                probe = null; // this process holds it
            }
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
            return Optional.of(text.isEmpty() ? "holder unknown" : text);
        } catch (IOException e) {
            return Optional.empty(); // an unreadable lock file: acquire() reports it when a command needs the lock
        }
    }

    /**
     * The pid in a holder's text.
     *
     * @param holder the text {@link #holder} returned
     * @return the pid, when the text names one
     */
    public static Optional<Long> pid(String holder) {
        String[] words = holder.split("\\s+");
        if (words.length >= 2 && words[0].equals("pid")) {
            try {
                return Optional.of(Long.parseLong(words[1]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
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
