package dev.verpath.engine.journal;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.rules.MigrationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

/** One process of the lock stress test: takes the installation lock many times and logs entering and leaving. */
public final class LockStressWorker {

    private LockStressWorker() {
    }

    /**
     * @param args the state folder, the log file, this worker's id, how many acquisitions
     * @throws Exception on any failure (the test then sees a non-zero exit)
     */
    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[0]);
        Path log = Path.of(args[1]);
        String id = args[2];
        int times = Integer.parseInt(args[3]);
        Random random = new Random(id.hashCode());
        for (int done = 0; done < times; ) {
            try (InstallationLock lock = InstallationLock.acquire(state)) {
                Files.writeString(log, "in " + id + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
                Thread.sleep(random.nextInt(3));
                Files.writeString(log, "out " + id + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
                done++;
            } catch (MigrationException e) {
                if (ErrorCode.of(e) != ErrorCode.LOCKED) {
                    throw e;
                }
                Thread.sleep(random.nextInt(2));
            }
        }
    }
}
