package dev.verpath.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.verpath.engine.ErrorCode;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rollback on a real, nearly full file system (a 2 MiB tmpfs): the environment's problem, exit 1, backup fine. */
class RestoreSpaceTest {

    @TempDir
    Path work;

    private Path disk;
    private boolean mounted;

    @BeforeEach
    void mountASmallDisk() throws IOException, InterruptedException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "skipped: mounting a 2 MiB tmpfs needs root, and these tests do not run as root");
        disk = Files.createDirectories(work.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes()).trim();
        mounted = mount.waitFor() == 0;
        Assumptions.assumeTrue(mounted, "skipped: 'mount -t tmpfs' failed here (" + said + "), so no small disk to fill");
    }

    @AfterEach
    void unmount() throws IOException, InterruptedException {
        if (mounted) {
            new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aRollbackWithoutRoomForItsStagingExitsOneSayingHowMuchIsNeededAndThatTheBackupIsFine() throws IOException {
        byte[] noise = new byte[400_000];
        new Random(7).nextBytes(noise);
        EngineSettings settings = new SettingsLoader(Map.of()).load(Optional.empty(), Map.of("backup.keep_free_bytes", "0"));
        ToyBackup toy = ToyBackup.migrated(disk.resolve("inst"), settings, Map.of("blobs/noise.dat", noise));
        long free = Files.getFileStore(disk).getUsableSpace();
        Files.write(disk.resolve("filler"), new byte[(int) Math.max(0, free - 100_000)]);

        Throwable thrown = catchThrowable(toy::rollback);

        assertThat(thrown).isInstanceOf(MigrationException.class);
        MigrationException failure = (MigrationException) thrown;
        assertThat(ErrorCode.of(failure)).as(failure.getMessage()).isEqualTo(ErrorCode.IO_FAILED);
        assertThat(failure.getMessage()).contains(".migrate/staging/rollback").contains("needs ").contains(" bytes of free space")
                .contains("the backup itself is fine").doesNotContain("\n");
        assertThat(BackupVerifier.verify(toy.backup, toy.root).id()).isEqualTo(toy.engine.backups(toy.root).get(0).id());
        assertThat(toy.root.resolve(".migrate/staging/rollback")).doesNotExist();
    }
}
