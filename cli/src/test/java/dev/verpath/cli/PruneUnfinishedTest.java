package dev.verpath.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code backups prune} removes a backup a dead run left unfinished (no manifest), which no listing shows. */
class PruneUnfinishedTest {

    @TempDir
    Path root;

    @Test
    void anUnfinishedBackupOlderThanThePrunesLockIsRemoved() throws Exception {
        DemoInstallation.write(root);
        CommandRun migrated = CommandRun.of("version", "--path", root.toString(), "--to", "1.0.0");
        assertThat(migrated.exit()).as(migrated.err()).isZero();
        Path dead = root.resolve(".migrate/backups/20260101T000000Z");
        Files.createDirectories(dead.resolve("files/data"));
        Files.write(dead.resolve("files/data/big.jsonl"), new byte[1 << 20]);
        Files.setLastModifiedTime(dead, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));

        CommandRun prune = CommandRun.of("backups", "prune", "--path", root.toString(), "--yes");

        assertThat(prune.exit()).as(prune.err()).isZero();
        assertThat(prune.err()).contains("removed the unfinished backup 20260101T000000Z");
        assertThat(dead).doesNotExist();
        assertThat(CommandRun.of("--json", "backups", "list", "--path", root.toString()).json().path("backups").size()).isEqualTo(1);
    }
}
