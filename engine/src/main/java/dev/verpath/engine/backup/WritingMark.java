package dev.verpath.engine.backup;

import dev.verpath.engine.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The mark a backup folder carries while a process writes it ({@value #FILE}: the writer's pid and start time), so
 * that a prune by another installation sharing the backup folder leaves a backup being written alone however long
 * the run takes (a backup begun before the shadow run stays unfinished for all of it). Removed just before the
 * manifest is written. Stateless.
 */
final class WritingMark {

    static final String FILE = ".writing";

    private WritingMark() {
    }

    /** Marks the folder as written by this process. */
    static void put(Path backup) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        AtomicFiles.writePrivate(backup.resolve(FILE), (self.pid() + " "
                + self.info().startInstant().map(Instant::toString).orElse("-") + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Removes the mark: the backup is finished, or given up. */
    static void remove(Path backup) throws IOException {
        Files.deleteIfExists(backup.resolve(FILE));
    }

    /**
     * @param backup an unfinished backup folder
     * @return whether the process that marked it still runs (the same pid, started at the same time)
     */
    static boolean writerRuns(Path backup) {
        try {
            String[] mark = Files.readString(backup.resolve(FILE), StandardCharsets.UTF_8).trim().split(" ");
            Optional<ProcessHandle> writer = ProcessHandle.of(Long.parseLong(mark[0])).filter(ProcessHandle::isAlive);
            return writer.isPresent() && (mark.length < 2 || mark[1].equals(writer.get().info().startInstant()
                    .map(Instant::toString).orElse("-")));
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            return false; // an unreadable mark: the folder is judged by its age alone, as before marks
        }
    }
}
