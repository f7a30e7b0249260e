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

    @Test
    void aBackupAProcessStillWritesIsNotUnfinishedAndOneWhoseWriterDiedIs() throws Exception {
        BackupStore backups = new BackupStore(store, Clock.systemUTC());
        BackupDraft draft = backups.begin().orElseThrow();
        Path read = Files.writeString(store.resolveSibling("read.jsonl"), "{}\n");
        try (java.io.InputStream in = draft.reading("data/read.jsonl", read, Files.newInputStream(read), false)) {
            in.readAllBytes(); // the pass's first read begins the backup
        }
        assertThat(draft.target()).isDirectory();
        Path dead = Files.createDirectories(store.resolve("20260101T000000Z"));
        Files.writeString(dead.resolve(WritingMark.FILE), "2147483646 2026-01-01T00:00:00Z " + dev.verpath.engine.files.HostName.of()
                + "\n"); // a draft, its run gone
        Path restarted = Files.createDirectories(store.resolve("20260102T000000Z/files"));
        Files.writeString(restarted.resolveSibling(WritingMark.FILE), ProcessHandle.current().pid() + " 2026-01-02T00:00:00Z "
                + dev.verpath.engine.files.HostName.of() + "\n");
        Path elsewhere = Files.createDirectories(store.resolve("20260103T000000Z"));
        Files.writeString(elsewhere.resolve(WritingMark.FILE), "2147483646 2026-01-03T00:00:00Z another-machine\n");

        assertThat(backups.unfinished()).as("this process writes the draft; the pid of the third now names another run;"
                + " a writer on another machine can be seen neither to run nor to be gone").containsExactly(dead,
                restarted.getParent(), elsewhere);
        assertThat(BackupStore.writerGone(dead)).isTrue();
        assertThat(BackupStore.writerGone(restarted.getParent())).isTrue();
        assertThat(BackupStore.writerGone(elsewhere)).as("judged by its age alone").isFalse();
        assertThat(BackupStore.writerGone(draft.target())).isFalse();

        draft.close();
        assertThat(draft.target()).doesNotExist();
    }
}
