package dev.verpath.engine.restore;

import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.backup.ToyBackup;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tree after a restore, as an sshfs mount left it (renames reported done, four {@code *.verpath-tmp} files
 * left, the weight not restored), is not a success: the check names the file, exit 1, the backup intact.
 */
class RestoredTreeTest {

    @TempDir
    Path root;

    @Test
    void aRestoreWhoseRenameDidNotHappenFailsNamingTheFile() throws IOException {
        ToyBackup toy = ToyBackup.migrated(root);
        toy.rollback();
        Path weight = root.resolve("models/m1/w.safetensors");
        Files.move(weight, weight.resolveSibling("w.safetensors" + RestoredTree.TEMPORARY));

        assertThatThrownBy(() -> RestoredTree.check(BackupStore.read(toy.backup), root::resolve))
                .isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.IO_FAILED))
                .hasMessageContaining("models/m1/w.safetensors: missing")
                .hasMessageContaining("the backup is intact; run rollback again, on a local disk");
    }

    @Test
    void aTemporaryFileLeftBesideARestoredEntryFailsTheRestore() throws IOException {
        ToyBackup toy = ToyBackup.migrated(root);
        toy.rollback();
        Files.writeString(root.resolve("app.conf" + RestoredTree.TEMPORARY), "half\n");

        assertThatThrownBy(() -> RestoredTree.check(BackupStore.read(toy.backup), root::resolve))
                .hasMessageContaining("app.conf.verpath-tmp: a temporary file of the restore is left behind");
    }

    @Test
    void aCompleteRestorePassesTheCheck() throws IOException {
        ToyBackup toy = ToyBackup.migrated(root);
        toy.rollback();

        RestoredTree.check(BackupStore.read(toy.backup), root::resolve);
    }
}
