package dev.verpath.engine.backup;

import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.Mount;
import dev.verpath.engine.files.ProductFiles;
import dev.verpath.engine.workspace.LiveTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup begun before the shadow run: the files a pass reads whole go into its archive as they are read, and the
 * backup keeps them only when they are still as read; whatever goes wrong, the backup taken holds every file, each
 * with the hash of the bytes it holds.
 */
class BackupDraftTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private Path root;
    private Path backups;
    private byte[] records;

    @BeforeEach
    void installation() throws IOException {
        root = Files.createDirectories(dir.resolve("inst"));
        backups = dir.resolve("backups");
        Files.createDirectories(root.resolve("data"));
        Files.createDirectories(root.resolve("config"));
        StringBuilder text = new StringBuilder();
        Random random = new Random(3);
        while (text.length() < 3_000_000) { // several of the archive's compression jobs
            text.append("{\"id\":\"").append(random.nextLong()).append("\",\"tokens\":").append(random.nextInt()).append("}\n");
        }
        records = text.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(root.resolve("data/a.jsonl"), records);
        Files.writeString(root.resolve("data/b.jsonl"), "{\"id\":2}\n");
        Files.writeString(root.resolve("config/server.toml"), "port = 8080\n");
    }

    @Test
    void aFileReadWholeIsArchivedAsReadAndNotReadAgain() throws IOException {
        BackupStore store = new BackupStore(backups, CLOCK);
        BackupDraft draft = store.begin().orElseThrow();
        readWhole(draft, "data/a.jsonl", false);
        // the same size and time, other bytes: only a backup that kept what the pass read holds the first ones
        rewriteKeepingStamp("data/a.jsonl", records.length);

        BackupInfo backup = take(store, draft, new HashCache());

        assertThat(backup.id()).isEqualTo(draft.id());
        assertThat(archived(backup)).containsEntry("data/a.jsonl", new String(records, StandardCharsets.UTF_8))
                .containsEntry("data/b.jsonl", "{\"id\":2}\n").containsEntry("config/server.toml", "port = 8080\n");
    }

    @Test
    void theHashThePassRememberedIsTheOneRecorded() throws IOException {
        BackupStore store = new BackupStore(backups, CLOCK);
        BackupDraft draft = store.begin().orElseThrow();
        HashCache hashes = new HashCache();
        readWhole(draft, "data/a.jsonl", true);
        hashes.remember(root.resolve("data/a.jsonl"), HashCache.hash(root.resolve("data/a.jsonl")));
        rewriteKeepingStamp("data/a.jsonl", records.length);

        BackupInfo backup = take(store, draft, hashes);

        assertThat(archived(backup)).containsEntry("data/a.jsonl", new String(records, StandardCharsets.UTF_8));
    }

    @Test
    void aPassThatHashedNothingItRememberedMakesTheArchiveWrittenAnew() throws IOException {
        BackupStore store = new BackupStore(backups, CLOCK);
        BackupDraft draft = store.begin().orElseThrow();
        readWhole(draft, "data/a.jsonl", true); // said it would remember a hash, and did not
        Files.writeString(root.resolve("data/a.jsonl"), "{\"id\":1}\n");

        assertThat(archived(take(store, draft, new HashCache()))).containsEntry("data/a.jsonl", "{\"id\":1}\n");
    }

    @Test
    void aFileChangedAfterItWasReadIsArchivedAsItIsNow() throws IOException {
        BackupStore store = new BackupStore(backups, CLOCK);
        BackupDraft draft = store.begin().orElseThrow();
        readWhole(draft, "data/a.jsonl", false);
        Files.writeString(root.resolve("data/a.jsonl"), "{\"id\":\"changed\"}\n");

        assertThat(archived(take(store, draft, new HashCache()))).containsEntry("data/a.jsonl", "{\"id\":\"changed\"}\n");
    }

    @Test
    void aFileReadInPartLeavesTheArchiveToBeWrittenAnew() throws IOException {
        BackupStore store = new BackupStore(backups, CLOCK);
        BackupDraft draft = store.begin().orElseThrow();
        readWhole(draft, "data/b.jsonl", false);
        try (InputStream in = draft.reading("data/a.jsonl", root.resolve("data/a.jsonl"),
                Files.newInputStream(root.resolve("data/a.jsonl")), false)) {
            assertThat(in.readNBytes(1000)).isEqualTo(java.util.Arrays.copyOf(records, 1000));
        }
        rewriteKeepingStamp("data/a.jsonl", records.length);

        assertThat(archived(take(store, draft, new HashCache()))).containsEntry("data/a.jsonl",
                Files.readString(root.resolve("data/a.jsonl")));
    }

    @Test
    void aFileThatGrowsWhileItIsReadGivesTheReaderEveryByteAndIsArchivedAnew() throws IOException {
        BackupStore store = new BackupStore(backups, CLOCK);
        BackupDraft draft = store.begin().orElseThrow();
        Path a = root.resolve("data/a.jsonl");
        byte[] read;
        try (InputStream in = draft.reading("data/a.jsonl", a, Files.newInputStream(a), false)) {
            Files.write(a, "{\"id\":\"more\"}\n".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
            read = in.readAllBytes();
        }

        assertThat(read).hasSize(records.length + 14);
        assertThat(archived(take(store, draft, new HashCache()))).containsEntry("data/a.jsonl", Files.readString(a));
    }

    @Test
    void aDraftNoBackupTookLeavesNothing() throws IOException {
        BackupStore store = new BackupStore(backups, CLOCK);
        BackupDraft draft = store.begin().orElseThrow();
        readWhole(draft, "data/a.jsonl", false);

        assertThat(backups).isNotEmptyDirectory();
        draft.close();

        assertThat(backups).as("made by the draft, and removed with it").doesNotExist();
        assertThat(root.resolve("data/a.jsonl")).hasBinaryContent(records);
    }

    @Test
    void aDraftNoPassReadLeavesNothingAndBeginsNoBackup() throws IOException {
        BackupStore store = new BackupStore(backups, CLOCK);
        BackupDraft draft = store.begin().orElseThrow();
        assertThat(backups).doesNotExist();

        BackupInfo backup = take(store, draft, new HashCache());

        assertThat(draft.begun()).isFalse();
        assertThat(archived(backup)).containsOnlyKeys("data/a.jsonl", "data/b.jsonl", "config/server.toml");
    }

    @Test
    void aStoreThatArchivesNothingBeginsNothing() throws IOException {
        for (String mode : List.of("hardlink", "copy")) {
            assertThat(new BackupStore(backups, CLOCK, mode, "auto", BackupKeys.NONE).begin()).as(mode).isEmpty();
        }
    }

    private void readWhole(BackupDraft draft, String path, boolean hashed) throws IOException {
        Path real = root.resolve(path);
        try (InputStream in = draft.reading(path, real, Files.newInputStream(real), hashed)) {
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // read to the end, as a pass does
            }
        }
    }

    /** Writes other bytes of the same length into a file and gives it back its modification time. */
    private void rewriteKeepingStamp(String path, int length) throws IOException {
        Path file = root.resolve(path);
        FileTime time = Files.getLastModifiedTime(file);
        byte[] other = new byte[length];
        java.util.Arrays.fill(other, (byte) 'x');
        Files.write(file, other);
        Files.setLastModifiedTime(file, time);
    }

    private BackupInfo take(BackupStore store, BackupDraft draft, HashCache hashes) throws IOException {
        try (draft) {
            LiveTree live = LiveTree.scan(List.of(new Mount("", root)), Set.of());
            return store.create(live, "serve", ProductFiles.NONE, "1.0.0", "2.0.0", hashes,
                    dev.verpath.engine.progress.ProgressListener.NONE, Optional.empty(), Optional.of(draft));
        }
    }

    /** @return every archived file of the backup as text, read back through the checks a restore makes */
    private static Map<String, String> archived(BackupInfo backup) throws IOException {
        BackupManifest manifest = BackupStore.read(backup.folder());
        List<BackupManifest.Entry> archived = manifest.entries().stream().filter(e -> e.stored().equals("archive")).toList();
        Map<String, String> read = new TreeMap<>();
        BackupArchive.read(backup.folder(), archived, (entry, bytes) ->
                read.put(entry.path(), new String(bytes.readAllBytes(), StandardCharsets.UTF_8)));
        return read;
    }
}
