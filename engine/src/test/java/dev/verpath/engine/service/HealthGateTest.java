package dev.verpath.engine.service;

import dev.verpath.engine.settings.HealthCheck;
import dev.verpath.engine.settings.HookCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** The health gate with a real command: succeeds late, gives up, and stops at once when interrupted. */
class HealthGateTest {

    /** Counts its runs in a file and succeeds from the given run on. */
    private static final String COUNTER = "n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count;"
            + " echo \"attempt $n\"; [ $n -ge %d ]";

    @TempDir
    Path folder;

    private HookEnvironment environment() {
        return new HookEnvironment("serve", "2.0.0", "2.1.0", folder, Optional.empty(), "run-7");
    }

    @Test
    void succeedsOnTheThirdAttempt() throws Exception {
        List<String> told = new ArrayList<>();
        HealthCheck check = new HealthCheck(HookCommand.shell(String.format(COUNTER, 3)), 10, Duration.ofMillis(50),
                Duration.ofSeconds(10));

        HealthReport report = HealthGate.await(check, environment(), folder,
                (attempt, of) -> told.add(attempt.number() + "/" + of + " " + attempt.healthy()));

        assertThat(report.healthy()).isTrue();
        assertThat(report.attempts()).extracting(HealthAttempt::number).containsExactly(1, 2, 3);
        assertThat(report.attempts()).extracting(HealthAttempt::exitStatus)
                .containsExactly(Optional.of(1), Optional.of(1), Optional.of(0));
        assertThat(report.last().orElseThrow().lastLine()).contains("attempt 3");
        assertThat(told).containsExactly("1/10 false", "2/10 false", "3/10 true");
        assertThat(Files.readString(folder.resolve("count")).strip()).isEqualTo("3");
        assertThat(report.summary()).isEqualTo("healthy after 3 attempts");
    }

    @Test
    void failsWhenTheAttemptsAreSpent() throws Exception {
        HealthCheck check = new HealthCheck(HookCommand.shell(String.format(COUNTER, 99)), 4, Duration.ofMillis(20),
                Duration.ofSeconds(10));

        HealthReport report = HealthGate.await(check, environment(), folder, HealthListener.NONE);

        assertThat(report.healthy()).isFalse();
        assertThat(report.interrupted()).isFalse();
        assertThat(report.attempts()).hasSize(4);
        assertThat(Files.readString(folder.resolve("count")).strip()).isEqualTo("4");
        assertThat(report.summary()).isEqualTo("unhealthy after 4 attempts; the last exited 1: attempt 4");
    }

    @Test
    void anAttemptPastItsTimeoutCountsAsFailed() {
        HealthCheck check = new HealthCheck(HookCommand.of(List.of("sleep", "30")), 2, Duration.ZERO,
                Duration.ofMillis(300));

        HealthReport report = HealthGate.await(check, environment(), folder, HealthListener.NONE);

        assertThat(report.healthy()).isFalse();
        assertThat(report.attempts()).allMatch(HealthAttempt::timedOut);
        assertThat(report.summary()).isEqualTo("unhealthy after 2 attempts; the last timed out");
    }

    @Test
    void anInterruptEndsTheWaitPromptlyAndKillsTheRunningAttempt() throws Exception {
        HealthCheck check = new HealthCheck(HookCommand.shell("echo $$ > attempt.pid; sleep 30"), 10,
                Duration.ofSeconds(30), Duration.ofSeconds(60));
        AtomicReference<HealthReport> report = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        Thread waiting = new Thread(() -> {
            report.set(HealthGate.await(check, environment(), folder, HealthListener.NONE));
            flagKept.set(Thread.currentThread().isInterrupted());
        });
        waiting.start();
        Path pid = folder.resolve("attempt.pid");
        for (int i = 0; i < 100 && (!Files.exists(pid) || Files.size(pid) == 0); i++) {
            Thread.sleep(50);
        }
        long attempt = Long.parseLong(Files.readString(pid).strip());

        long start = System.nanoTime();
        waiting.interrupt();
        waiting.join(10_000);

        assertThat(waiting.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(report.get().healthy()).isFalse();
        assertThat(report.get().interrupted()).isTrue();
        assertThat(flagKept.get()).isTrue();
        assertThat(Processes.endsWithin(attempt, Duration.ofSeconds(5))).as("the running attempt is gone").isTrue();
    }
}
