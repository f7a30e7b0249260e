package dev.verpath.engine.restore;

import dev.verpath.engine.backup.BackupVerifier;
import dev.verpath.engine.backup.ToyBackup;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.rules.MigrationException;
import dev.verpath.testsupport.TmpfsDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A rollback on a real, nearly full file system (a 2 MiB tmpfs): the environment's problem, exit 1, backup fine. */
class RestoreSpaceTest {

    @TempDir
    Path work;

    private TmpfsDisk mounted;
    private Path disk;

    @BeforeEach
    void mountASmallDisk() {
        mounted = TmpfsDisk.mount(work.resolve("disk"), "2m", "a small disk to fill (a 2 MiB tmpfs)");
        disk = mounted.folder();
    }

    @AfterEach
    void unmount() {
        if (mounted != null) {
            mounted.close();
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
