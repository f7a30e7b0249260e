package dev.verpath.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The free-space check before the backup, on the real file system: {@code backup.keep_free_bytes} set beyond
 * any disk makes every backup too large, so the refusal can be seen without filling a disk. Also the other
 * numeric settings of a run: a value that is not a number stops it before anything is written.
 */
class BackupSpaceTest {

    @TempDir
    Path work;

    private ServeFixture inst;
    private Path settings;

    @BeforeEach
    void install() throws IOException {
        inst = ServeFixture.clean(work.resolve("inst"));
        settings = work.resolve("full-disk.toml");
        Files.writeString(settings, "[backup]\nkeep_free_bytes = 9000000000000000000\n");
    }

    @Test
    void aBackupThatWouldLeaveTooLittleFreeSpaceStopsTheRunBeforeAnyWrite() throws IOException {
        SortedMap<String, String> before = DemoInstallation.checksums(inst.root());

        CommandRun run = CommandRun.of("--migration-config", settings.toString(), "version", "--path", inst.arg(), "--to", "2.1.0");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).containsOnlyOnce("migrate: ")
                .contains("not enough free space on the disk of " + inst.root() + "/.migrate/backups: ")
                .contains(" more bytes are needed before the migration starts (")
                .contains(" for the backup")
                .contains("to keep free by backup.keep_free_bytes").contains("the installation is unchanged");
        assertThat(DemoInstallation.checksums(inst.root())).isEqualTo(before);
        assertThat(Files.readString(inst.resolve("VERSION"))).isEqualTo("1.0.0\n");
    }

    @Test
    void aRunWithoutBackupNeedsNoSpaceForOne() throws IOException {
        CommandRun run = CommandRun.of("--migration-config", settings.toString(), "version", "--path", inst.arg(), "--to",
                "2.1.0", "--no-backup");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(inst.resolve("VERSION"))).isEqualTo("2.1.0\n");
    }

    @Test
    void anUnreadableRecordThreadCountIsAUsageErrorBeforeAnyWrite() throws IOException {
        Files.writeString(settings, "[data_migration]\nthreads = \"many\"\n");
        SortedMap<String, String> before = DemoInstallation.checksums(inst.root());

        CommandRun run = CommandRun.of("--migration-config", settings.toString(), "version", "--path", inst.arg(), "--to", "2.1.0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("data_migration.threads = 'many': expected 0 (one thread a core) or a whole number above 0");
        assertThat(DemoInstallation.checksums(inst.root())).isEqualTo(before);
    }

    @Test
    void aNegativeSettingIsAUsageError() throws IOException {
        Files.writeString(settings, "[backup]\nkeep_free_bytes = -1\n");

        CommandRun run = CommandRun.of("--migration-config", settings.toString(), "version", "--path", inst.arg(), "--to", "2.1.0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("backup.keep_free_bytes = '-1'");
    }
}
