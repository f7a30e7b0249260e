package dev.verpath.engine.service;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.settings.HookCommand;
import dev.verpath.engine.settings.HookPhase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** Hooks run as real processes: environment, folder, exit status, output to the log only, timeouts, missing programs. */
class HookRunnerTest {

    @TempDir
    Path folder;

    private HookEnvironment environment() {
        return new HookEnvironment("serve", "2.0.0", "2.1.0", folder, Optional.of("20261207-004500"), "run-42");
    }

    private HookResult run(HookCommand command, Duration timeout) throws InterruptedException {
        return new HookRunner(timeout).run(HookPhase.BEFORE_COMMIT, command, environment(), folder);
    }

    @Test
    void theHookGetsTheRunsVariablesAndRunsInTheInstallation() throws Exception {
        HookResult result = run(HookCommand.shell("env | grep ^VERPATH_ | sort > seen.env; pwd > seen.pwd"),
                Duration.ofSeconds(10));

        assertThat(result.succeeded()).as(result.failureLine()).isTrue();
        assertThat(Files.readAllLines(folder.resolve("seen.env"))).containsExactly("VERPATH_BACKUP_ID=20261207-004500",
                "VERPATH_FROM=2.0.0", "VERPATH_PATH=" + folder.toAbsolutePath(), "VERPATH_PHASE=before_commit",
                "VERPATH_PRODUCT=serve", "VERPATH_RUN_ID=run-42", "VERPATH_TO=2.1.0");
        assertThat(Files.readString(folder.resolve("seen.pwd")).strip()).isEqualTo(folder.toRealPath().toString());
    }

    @Test
    void noBackupIsAnEmptyBackupIdAndTheEnvironmentOfVerpathIsKept() throws Exception {
        HookEnvironment none = new HookEnvironment("serve", "2.0.0", "2.1.0", folder, Optional.empty(), "run-1");
        HookResult result = new HookRunner(Duration.ofSeconds(10)).run(HookPhase.AFTER_COMMIT,
                HookCommand.of(List.of("/bin/sh", "-c", "printf '[%s][%s]' \"$VERPATH_BACKUP_ID\" \"$PATH\" > seen")),
                none, folder);

        assertThat(result.succeeded()).isTrue();
        assertThat(Files.readString(folder.resolve("seen"))).isEqualTo("[][" + System.getenv("PATH") + "]");
    }

    @Test
    void anArgumentListIsNotSplitNorInterpretedByAShell() throws Exception {
        HookResult result = run(HookCommand.of(List.of("touch", "two words; rm -rf x")), Duration.ofSeconds(10));

        assertThat(result.succeeded()).isTrue();
        assertThat(folder.resolve("two words; rm -rf x")).isRegularFile();
    }

    @Test
    void reportsTheExitStatusAndTheLastNonBlankLineOfEitherStream() throws Exception {
        HookResult result = run(HookCommand.shell("echo starting; echo 'Unit serve.service not loaded.' >&2; echo; exit 5"),
                Duration.ofSeconds(10));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.exitStatus()).contains(5);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.lastLine()).contains("Unit serve.service not loaded.");
        assertThat(result.failureLine()).startsWith("hook before_commit (echo starting; echo")
                .contains("failed with exit status 5 after ").endsWith("; its last line: Unit serve.service not loaded.");
    }

    @Test
    void outputGoesToTheHookLogWithThePhaseNeverToStdout() throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        HookResult result;
        List<ILoggingEvent> events;
        try (HookLog log = new HookLog()) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            result = run(HookCommand.shell("echo to-stdout; echo to-stderr >&2; seq 1 20000"), Duration.ofSeconds(30));
            events = log.events();
        } finally {
            System.setOut(stdout);
        }

        assertThat(result.succeeded()).isTrue();
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(events).filteredOn(e -> e.getFormattedMessage().equals("to-stdout")).singleElement()
                .satisfies(e -> assertThat(e.getMDCPropertyMap()).containsEntry("hook", "before_commit"));
        assertThat(events).filteredOn(e -> e.getFormattedMessage().equals("to-stderr")).hasSize(1);
        assertThat(events).filteredOn(e -> e.getFormattedMessage().equals("20000")).hasSize(1);
        assertThat(result.lastLine()).contains("20000");
    }

    @Test
    void aHookPastItsTimeoutIsKilledWithTheProcessesItStarted() throws Exception {
        long start = System.nanoTime();
        HookResult result = run(HookCommand.shell("sleep 100 & echo $! > child.pid; echo waiting; wait"),
                Duration.ofMillis(700));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        long child = Long.parseLong(Files.readString(folder.resolve("child.pid")).strip());
        assertThat(Processes.endsWithin(child, Duration.ofSeconds(5))).as("the hook's child sleep 100 is gone").isTrue();
        assertThat(result.timedOut()).isTrue();
        assertThat(result.exitStatus()).isEmpty();
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(result.failureLine()).contains("hook before_commit (sleep 100 &").contains("timed out after 0.")
                .contains("was killed").endsWith("; its last line: waiting");
    }

    @Test
    void aMissingProgramCannotBeRun() throws Exception {
        HookResult result = run(HookCommand.of(List.of("verpath-no-such-program", "stop")), Duration.ofSeconds(5));

        assertThat(result.notStarted()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.failureLine()).isEqualTo("hook before_commit (verpath-no-such-program stop) cannot be run:"
                + " verpath-no-such-program: no such file or directory (the first word of an argument list is the"
                + " program, found on PATH)");
    }

    @Test
    void aLongLastLineIsCutInTheMessageAndTheFailureCarriesTheResult() throws Exception {
        HookResult result = run(HookCommand.shell("printf 'x%.0s' $(seq 1 5000); exit 3"), Duration.ofSeconds(10));

        HookFailure failure = new HookFailure(result, "nothing was changed; fix the hook and run again");

        assertThat(result.lastLine().orElseThrow()).hasSize(4096 + 3);
        assertThat(failure.getMessage()).contains("; its last line: " + "x".repeat(200) + "...; nothing was changed")
                .doesNotContain("x".repeat(201)).doesNotContain("\n");
        assertThat(failure.code()).isEqualTo(ErrorCode.HOOK_FAILED);
        assertThat(failure.result()).isSameAs(result);
    }

    @Test
    void secretsOnACommandLineAreNotShownInMessages() throws IOException {
        HookCommand command = HookCommand.of(List.of("curl", "--token=abc123", "--password", "hunter2",
                "https://ops:pw@host/health", "a b"));

        assertThat(command.text()).isEqualTo("curl --token=*** --password *** https://ops:***@host/health 'a b'");
    }
}
