package dev.verpath.cli;

import dev.verpath.testsupport.TmpfsDisk;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration on a small, real file system (a 20 MiB tmpfs mounted for the test, which needs root): the whole
 * need is checked before the first write, and a disk that fills up during the run (filled by the test while
 * the run is held at its start with the engine's test hook) is reported naming the file being written.
 */
class FullDiskIT {

    @TempDir
    Path work;

    private TmpfsDisk mounted;
    private Path disk;

    @BeforeEach
    void mountASmallDisk() {
        mounted = TmpfsDisk.mount(work.resolve("disk"), "20m", "a small disk to fill (a 20 MiB tmpfs)");
        disk = mounted.folder();
    }

    @AfterEach
    void unmount() {
        if (mounted != null) {
            mounted.close();
        }
    }

    private Path installation(long recordBytes) throws IOException {
        Path root = disk.resolve("inst");
        Files.createDirectories(root);
        DemoInstallation.write(root);
        try (Writer out = Files.newBufferedWriter(root.resolve("data/bulk.jsonl"), StandardCharsets.UTF_8)) {
            long written = 0;
            for (int i = 0; written < recordBytes; i++) {
                String line = "{\"id\":\"bulk-" + i + "\",\"model\":\"llama-7b\",\"ts\":" + (1700000000 + i) + ",\"latency_ms\":"
                        + (50 + i % 900) + ",\"prompt_tokens\":" + (i % 300) + ",\"completion_tokens\":" + (1 + i % 500) + "}\n";
                out.write(line);
                written += line.length();
            }
        }
        return root;
    }

    private static long stagedFiles(Path root) throws IOException {
        Path staging = root.resolve(".migrate/staging");
        if (!Files.exists(staging)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aRunThatCannotFitIsRefusedBeforeItsFirstWrite() throws Exception {
        Path root = installation(13L << 20);
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun run = Launcher.run(work, "version", "--path", root.toString(), "--to", "2.1.0");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("not enough free space on the disk of " + root + "/.migrate/backups: ")
                .contains("more bytes are needed before the migration starts")
                .contains("the installation is unchanged").doesNotContain("Exception");
        assertThat(TreeSignature.of(root)).isEqualTo(before);
        assertThat(stagedFiles(root)).isZero();
    }

    @Test
    void aDiskThatFillsDuringTheRunIsNamedWithTheFileBeingWritten() throws Exception {
        Path root = installation(4L << 20);
        SortedMap<String, String> before = TreeSignature.of(root);
        Path log = work.resolve("run.log");
        Process run = Launcher.start(work, Map.of("MIGRATE_JAVA_OPTS", "-Dverpath.test.pause=steps-start:20000"), log,
                "version", "--path", root.toString(), "--to", "2.1.0", "--no-backup");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.readString(log).contains("validating the source") && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(run.isAlive()).as(Files.readString(log)).isTrue();
        // fill the disk but for 64 KiB while the run waits at the start of its steps
        long free = Files.getFileStore(disk).getUsableSpace();
        Files.write(disk.resolve("filler"), new byte[(int) Math.max(0, free - (64 << 10))]);

        assertThat(run.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(run.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains(root.resolve("data").toString()).contains(": no space left to write its migrated copy in ")
                .contains("the disk is full, the installation is unchanged").doesNotContain("IOException");
        Files.delete(disk.resolve("filler"));
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }

    @Test
    void aBackupThatFillsItsDiskIsRemovedNotLeftUnfinished() throws Exception {
        Path root = work.resolve("local");
        Files.createDirectories(root);
        DemoInstallation.write(root);
        Files.write(root.resolve("models/llama-7b/extra.safetensors"), new byte[3 << 20]);
        SortedMap<String, String> before = TreeSignature.of(root);
        Path backups = disk.resolve("backups");
        Path settings = work.resolve("no-margin.toml");
        Files.writeString(settings, "[backup]\nkeep_free_bytes = 0\n");
        Path log = work.resolve("backup.log");
        Process run = Launcher.start(work, Map.of("MIGRATE_JAVA_OPTS", "-Dverpath.test.pause=backup-start:20000"), log,
                "--migration-config", settings.toString(), "--backup-dir", backups.toString(),
                "version", "--path", root.toString(), "--to", "2.1.0");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.readString(log).contains("backing up") && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(run.isAlive()).as(Files.readString(log)).isTrue();
        // once the space check passed, the backup (a copy of the weights: another disk) meets a disk filled but for 1 MiB
        long free = Files.getFileStore(disk).getUsableSpace();
        Files.write(disk.resolve("filler"), new byte[(int) Math.max(0, free - (1 << 20))]);

        assertThat(run.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(run.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("No space left on device").contains("the installation is unchanged").doesNotContain("IOException");
        if (Files.exists(backups)) { // the backups folder goes too when the run made it and left it empty
            try (Stream<Path> left = Files.list(backups)) {
                assertThat(left.toList()).as("backup folders left behind").isEmpty();
            }
        }
        assertThat(stagedFiles(root)).isZero();
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }
}
