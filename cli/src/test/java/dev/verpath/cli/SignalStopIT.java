package dev.verpath.cli;

import dev.verpath.testsupport.HostProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM and SIGINT sent to the real {@code migrate} (the launcher execs the JVM, so the process is the JVM):
 * during the commit the commit is finished first, and no recovery is needed; during the backup the run is
 * cancelled, the unfinished backup and the staging are removed, and the installation is as before.
 */
class SignalStopIT {

    @TempDir
    Path work;

    private static void waitFor(Process run, Path log, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.readString(log).contains(what) && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(run.isAlive()).as(Files.readString(log)).isTrue();
    }

    private static void signal(Process run, String name) throws Exception {
        // the shell's own kill: a kill program need not be installed
        assertThat(HostProgram.run("sh", "-c", "kill -" + name + " " + run.pid()).succeeded()).isTrue();
    }

    @Test
    void sigtermDuringTheCommitFinishesTheCommitFirst() throws Exception {
        Path root = work.resolve("commit");
        Files.createDirectories(root);
        DemoInstallation.write(root);
        Path log = work.resolve("commit.log");
        Process run = Launcher.start(work, Map.of("MIGRATE_JAVA_OPTS", "-Dverpath.test.pause=journal-written:8000"), log,
                "version", "--path", root.toString(), "--to", "2.1.0");
        waitFor(run, log, "backing up");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(root.resolve(".migrate/journal.json")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(root.resolve(".migrate/journal.json")).exists();
        signal(run, "TERM");

        assertThat(run.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(run.exitValue()).as(output).isEqualTo(143);
        assertThat(output).contains("stopped by SIGTERM once the command had finished its work");
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("2.1.0\n");
        assertThat(root.resolve(".migrate/journal.json")).doesNotExist();
        CommandRun status = Launcher.run(work, "status", "--path", root.toString());
        assertThat(status.out()).contains("interrupted migration: none").contains("version: 2.1.0");
    }

    @Test
    void sigintDuringTheBackupCancelsTheRunAndRemovesWhatWasUnfinished() throws Exception {
        Path root = work.resolve("backup");
        Files.createDirectories(root);
        DemoInstallation.write(root);
        var before = TreeSignature.of(root);
        Path log = work.resolve("backup.log");
        Process run = Launcher.start(work, Map.of("MIGRATE_JAVA_OPTS", "-Dverpath.test.pause=backup-start:20000"), log,
                "version", "--path", root.toString(), "--to", "2.1.0");
        waitFor(run, log, "backing up");
        signal(run, "INT");

        assertThat(run.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(run.exitValue()).as(output).isEqualTo(130);
        assertThat(output.lines().filter(l -> l.startsWith("migrate: ") && !l.startsWith("migrate: building")).toList()).as(output).hasSize(1);
        assertThat(output).contains("interrupted while backing up").contains("the installation is unchanged");
        assertThat(TreeSignature.of(root)).isEqualTo(before);
        Path backups = root.resolve(".migrate/backups");
        if (Files.exists(backups)) {
            try (Stream<Path> left = Files.list(backups)) {
                assertThat(left.toList()).as("backups left").isEmpty();
            }
        }
        Path staging = root.resolve(".migrate/staging");
        if (Files.exists(staging)) {
            try (Stream<Path> left = Files.walk(staging)) {
                assertThat(left.filter(Files::isRegularFile).toList()).as("staging left").isEmpty();
            }
        }
    }
}
