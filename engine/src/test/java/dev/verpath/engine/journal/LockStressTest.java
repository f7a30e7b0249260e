package dev.verpath.engine.journal;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** As Lucene proves its lock: processes take and release it in turn, and a verifier counts overlaps (none allowed). */
class LockStressTest {

    private static final int PROCESSES = 4;
    private static final int TIMES = 40;

    @TempDir
    Path temp;

    @Test
    void aSecondHolderInTheSameProcessIsRefusedNamingTheHolder() {
        Path state = temp.resolve(".migrate");
        try (InstallationLock held = InstallationLock.acquire(state)) {
            assertThatThrownBy(() -> InstallationLock.acquire(state))
                    .isInstanceOf(MigrationException.class)
                    .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.LOCKED))
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        InstallationLock.acquire(state).close();
    }

    @Test
    void processesNeverHoldTheLockTogether() throws IOException, InterruptedException {
        Path state = temp.resolve(".migrate");
        Path log = temp.resolve("log");
        Files.createFile(log);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            workers.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockStressWorker.class.getName(),
                    state.toString(), log.toString(), "w" + i, Integer.toString(TIMES)).inheritIO().start());
        }
        for (Process worker : workers) {
            assertThat(worker.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(worker.exitValue()).isZero();
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(PROCESSES * TIMES * 2);
        int overlaps = 0;
        for (int i = 0; i < lines.size(); i += 2) {
            String in = lines.get(i);
            String out = lines.get(i + 1);
            if (!in.startsWith("in ") || !out.equals("out " + in.substring(3))) {
                overlaps++;
            }
        }
        assertThat(overlaps).isZero();
    }
}
