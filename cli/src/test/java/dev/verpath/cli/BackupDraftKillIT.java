package dev.verpath.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL after the record pass, while the backup begun before it (the record files already in its archive) waits for
 * its backup phase: the installation is as before, the begun backup is an unfinished folder naming a writer that no
 * longer runs, and the next run removes it and leaves one backup that gives back every byte.
 */
class BackupDraftKillIT {

    @TempDir
    Path work;

    @Test
    void aRunKilledWithItsBackupBegunLeavesTheInstallationAsBeforeAndTheNextRunClearsTheDraft() throws Exception {
        Path root = work.resolve("inst");
        Files.createDirectories(root);
        DemoInstallation.write(root);
        SortedMap<String, String> before = TreeSignature.of(root);
        Path log = work.resolve("run.log");
        Process run = Launcher.start(work, Map.of("MIGRATE_JAVA_OPTS", "-Dverpath.test.pause=backup-start:60000"), log,
                "version", "--path", root.toString(), "--to", "2.1.0");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.readString(log).contains("backing up") && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(run.isAlive()).as(Files.readString(log)).isTrue();
        Path backups = root.resolve(".migrate/backups");
        List<Path> begun = list(backups);
        assertThat(begun).as("the backup begun during the pass").singleElement()
                .satisfies(b -> assertThat(b.resolve(".writing")).content().startsWith(run.pid() + " "));

        run.destroyForcibly(); // SIGKILL: the launcher runs the JVM in its own process
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(TreeSignature.of(root)).isEqualTo(before);
        assertThat(begun.get(0).resolve("manifest.json")).doesNotExist();
        CommandRun again = Launcher.run(work, "--quiet", "version", "--path", root.toString(), "--to", "2.1.0");
        assertThat(again.exit()).as(again.err()).isZero();
        List<Path> after = list(backups);
        assertThat(after).as("the dead run's draft removed, the new run's backup kept").singleElement()
                .satisfies(b -> assertThat(b.resolve("manifest.json")).isRegularFile())
                .satisfies(b -> assertThat(b.resolve(".writing")).doesNotExist());
        CommandRun rollback = Launcher.run(work, "--quiet", "rollback", "--path", root.toString(), "--yes");
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }

    private static List<Path> list(Path folder) throws java.io.IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        }
    }
}
