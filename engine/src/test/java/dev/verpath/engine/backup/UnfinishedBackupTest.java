package dev.verpath.engine.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** Backup folders without a manifest (a run that died while writing one) are found, so prune can remove them. */
class UnfinishedBackupTest {

    @TempDir
    Path store;

    @Test
    void aFolderWithFilesButNoManifestIsUnfinished() throws Exception {
        Path dead = store.resolve("20260101T000000Z");
        Files.createDirectories(dead.resolve("files/data"));
        Files.writeString(dead.resolve("files/data/a.jsonl"), "{}\n");
        Files.setLastModifiedTime(dead, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.createDirectories(store.resolve("not-a-backup"));

        assertThat(new BackupStore(store, Clock.systemUTC()).unfinished()).containsExactly(dead);
        assertThat(new BackupStore(store, Clock.systemUTC()).list()).isEmpty();
    }
}
