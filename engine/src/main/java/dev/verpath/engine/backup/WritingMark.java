package dev.verpath.engine.backup;

import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.HostName;
import dev.verpath.engine.files.ProcessName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The mark a backup folder carries while a process writes it ({@value #FILE}: the writer's pid, start time and
 * machine), so that a prune by another installation sharing the backup folder leaves a backup being written alone
 * however long the run takes (a backup begun before the shadow run stays unfinished for all of it). Removed just
 * before the manifest is written. Only a writer on this machine can be seen to run or to be gone: a mark from another
 * machine (a backup folder shared over the network) says neither. Stateless.
 */
final class WritingMark {

    static final String FILE = ".writing";

    private WritingMark() {
    }

    /**
     * Marks the folder as written by this process. Not synced: a mark lost in a crash leaves the folder to be judged by
     * its age, as before marks.
     */
    static void put(Path backup) throws IOException {
        ProcessName self = ProcessName.current();
        AtomicFiles.replacePrivately(backup.resolve(FILE), (self.pid() + " " + self.start().orElse("-") + " "
                + HostName.of() + "\n").getBytes(StandardCharsets.UTF_8), false);
    }

    /** Removes the mark: the backup is finished, or given up. */
    static void remove(Path backup) throws IOException {
        Files.deleteIfExists(backup.resolve(FILE));
    }

    /**
     * @param backup an unfinished backup folder
     * @return whether a process of this machine marked it and still runs (the same pid, started at the same time)
     */
    static boolean writerRuns(Path backup) {
        return writer(backup).map(mark -> mark.thisMachine() && mark.process().runs()).orElse(false);
    }

    /**
     * @param backup an unfinished backup folder
     * @return whether a process of this machine marked it and no longer runs
     */
    static boolean writerGone(Path backup) {
        return writer(backup).map(mark -> mark.thisMachine() && !mark.process().runs()).orElse(false);
    }

    /** The writer a mark names, and its machine. */
    private record Writer(ProcessName process, String host) {

        boolean thisMachine() {
            return host.isEmpty() || host.equals(HostName.of());
        }
    }

    /** @return the writer the folder's mark names; empty without a readable mark */
    private static Optional<Writer> writer(Path backup) {
        try {
            String[] mark = Files.readString(backup.resolve(FILE), StandardCharsets.UTF_8).trim().split(" ", 3);
            Optional<String> start = mark.length > 1 && !mark[1].equals("-") ? Optional.of(mark[1]) : Optional.empty();
            return Optional.of(new Writer(new ProcessName(Long.parseLong(mark[0]), start), mark.length > 2 ? mark[2] : ""));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no mark, or an unreadable one: the folder is judged by its age alone
        }
    }
}
