package dev.verpath.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** A rollback that cannot start is a usage error that names what exists and creates nothing. */
class RollbackRefusalTest {

    @TempDir
    Path root;

    @Test
    void aNeverMigratedInstallationHasNothingToRollBackAndGetsNoLockFile() {
        DemoInstallation.write(root);
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun run = CommandRun.of("rollback", "--path", root.toString(), "--yes");

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("no backup to roll back to, so nothing was changed").contains("--backup-path");
        assertThat(root.resolve(".migrate")).doesNotExist();
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }

    @Test
    void anUnknownBackupIdIsAUsageErrorNamingTheBackupsThatExist() throws Exception {
        DemoInstallation.write(root);
        CommandRun migrated = CommandRun.of("--json", "version", "--path", root.toString(), "--to", "1.0.0");
        assertThat(migrated.exit()).as(migrated.err()).isZero();
        String id = migrated.json().path("backupId").asText();

        CommandRun run = CommandRun.of("rollback", "--path", root.toString(), "--backup-id", "20000101T000000Z", "--yes");

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("no backup with id '20000101T000000Z'").contains("the backups are " + id);
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("1.0.0\n");
    }
}
