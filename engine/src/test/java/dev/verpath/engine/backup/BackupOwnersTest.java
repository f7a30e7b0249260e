package dev.verpath.engine.backup;

import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.workspace.OwnedTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The backup manifest's owners: recorded, put back, and absent from older backups without harm. */
class BackupOwnersTest {

    @TempDir
    Path work;

    private ToyBackup ownedByTheServiceUser() throws IOException {
        assumeTrue(OwnedTree.runsAsRoot(work), OwnedTree.NOT_ROOT);
        return ToyBackup.migrated(work.resolve("inst"), EngineSettings.defaults(),
                Map.of("notes.txt", "untouched\n".getBytes(StandardCharsets.UTF_8)), OwnedTree::giveAway);
    }

    @Test
    void theManifestRecordsTheNumericOwnerAndGroupOfEveryEntry() throws IOException {
        ToyBackup toy = ownedByTheServiceUser();

        BackupManifest manifest = BackupStore.read(toy.backup);

        assertThat(manifest.entries()).extracting(BackupManifest.Entry::path)
                .contains("app.conf", "data", "data/a.jsonl", "models/m1", "models/m1/w.safetensors", "notes.txt");
        assertThat(manifest.entries()).allSatisfy(e -> assertThat(e.owner()).as(e.path())
                .contains(new dev.verpath.engine.files.FileOwner(OwnedTree.UID, OwnedTree.GID)));
        assertThat(Files.readString(toy.backup.resolve(BackupManifest.FILE)))
                .contains("\"uid\" : " + OwnedTree.UID).contains("\"gid\" : " + OwnedTree.GID);
    }

    @Test
    void aBackupWithoutRecordedOwnersRestoresEachFileWithTheOwnerOfTheFileItReplacesNeverRoots() throws IOException {
        ToyBackup toy = ownedByTheServiceUser();
        toy.editManifest(entries -> entries.forEach(e -> ((com.fasterxml.jackson.databind.node.ObjectNode) e).remove(
                java.util.List.of("uid", "gid"))));

        toy.rollback();

        assertThat(Files.readString(toy.root.resolve("app.conf"))).isEqualTo("name = demo\n");
        for (String file : java.util.List.of("app.conf", "VERSION", "data/a.jsonl", "notes.txt", "models/m1",
                "models/m1/w.safetensors")) {
            assertThat(OwnedTree.owner(toy.root.resolve(file))).as(file).isEqualTo(OwnedTree.serviceUser());
        }
    }

    @Test
    void aManifestWithoutOwnersReadsAsOwnersNotRecorded() throws IOException {
        String older = """
                {"id":"20240101T000000Z","created":"2024-01-01T00:00:00Z","product":"toy","from":"0.1.0","to":"2.0.0",
                 "mounts":[{"logical":"","real":"/srv/toy"}],
                 "entries":[{"path":"app.conf","type":"file","mode":"rw-------","mtime":1,"size":3,"sha256":"ab",
                             "stored":"archive"}]}
                """;

        BackupManifest manifest = BackupManifest.parse(older.getBytes(StandardCharsets.UTF_8));

        assertThat(manifest.entries().get(0).owner()).isEmpty();
        assertThat(new String(manifest.toJson(), StandardCharsets.UTF_8)).doesNotContain("uid").doesNotContain("gid");
    }
}
