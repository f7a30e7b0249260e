package dev.verpath.engine.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backups are treated as hostile on restore: a crafted or damaged one is refused and nothing is touched. */
class CraftedBackupTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private ToyBackup toy;
    private MigrationEngine engine;
    private Path backup;

    @BeforeEach
    void migrateOnce() throws IOException {
        toy = ToyBackup.migrated(root);
        engine = toy.engine;
        backup = toy.backup;
    }

    private Map<String, String> signature() throws IOException {
        return toy.signature();
    }

    private void editManifest(Consumer<ArrayNode> edit) throws IOException {
        toy.editManifest(edit);
    }

    private void assertRefusedAndUntouched(String messagePart) throws IOException {
        Map<String, String> before = signature();
        assertThatThrownBy(() -> engine.rollback(root, Optional.empty(), Optional.empty(), line -> { }))
                .isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.BACKUP_CORRUPT))
                .hasMessageContaining(messagePart);
        assertThat(signature()).isEqualTo(before);
    }

    @Test
    void theUntamperedBackupRestores() throws IOException {
        engine.rollback(root, Optional.empty(), Optional.empty(), line -> { });
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("toy 0.1.0\n");
        assertThat(Files.isDirectory(root.resolve("models/m1"))).isTrue();
    }

    @Test
    void refusesAnEntryWithDotDot() throws IOException {
        editManifest(entries -> ((ObjectNode) entries.get(0)).put("path", "../outside"));
        assertRefusedAndUntouched("leaves the installation");
    }

    @Test
    void refusesAnAbsoluteEntry() throws IOException {
        editManifest(entries -> ((ObjectNode) entries.get(0)).put("path", "/etc/passwd"));
        assertRefusedAndUntouched("leaves the installation");
    }

    @Test
    void refusesASymlinkPointingOutside() throws IOException {
        editManifest(entries -> entries.addObject().put("path", "escape").put("type", "symlink").put("mode", "rwxrwxrwx")
                .put("mtime", 0).put("size", 0).put("target", "../../etc").put("stored", "none"));
        assertRefusedAndUntouched("pointing outside");
    }

    @Test
    void refusesAFileBehindALinkOfTheSameBackup() throws IOException {
        editManifest(entries -> {
            entries.addObject().put("path", "hop").put("type", "symlink").put("mode", "rwxrwxrwx")
                    .put("mtime", 0).put("size", 0).put("target", "models").put("stored", "none");
            entries.addObject().put("path", "hop/x").put("type", "dir").put("mode", "rwxr-xr-x")
                    .put("mtime", 0).put("size", 0).put("stored", "none");
        });
        assertRefusedAndUntouched("behind the symbolic link 'hop'");
    }

    @Test
    void refusesSetuidModes() throws IOException {
        editManifest(entries -> ((ObjectNode) entries.get(0)).put("mode", "rwsr-xr-x"));
        assertRefusedAndUntouched("special bits");
    }

    @Test
    void refusesAMountOutsideTheInstallation() throws IOException {
        Path file = backup.resolve(BackupManifest.FILE);
        ObjectNode manifest = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) manifest.get("mounts").get(0)).put("real", root.getParent().toString());
        Files.write(file, JSON.writeValueAsBytes(manifest));
        assertRefusedAndUntouched("outside the installation");
    }

    @Test
    void refusesAHardLinkedFileWithOtherBytes() throws IOException {
        Path weight = backup.resolve("files/models/m1/w.safetensors");
        Files.delete(weight);
        Files.write(weight, new byte[] {9, 9, 9});
        assertRefusedAndUntouched("SHA-256");
    }

    @Test
    void anInPlaceWriteToALinkedWeightIsCaughtDespiteTheStatShortcut() throws IOException {
        Files.write(root.resolve("models/v2/m1/w.safetensors"), new byte[] {7, 7, 7});
        assertRefusedAndUntouched("changed in place since the backup");
    }

    @Test
    void refusesAnArchiveEntryLargerThanItsManifestSize() throws IOException {
        editManifest(entries -> entries.forEach(e -> {
            if (e.get("path").asText().equals("app.conf")) {
                ((ObjectNode) e).put("size", 3);
            }
        }));
        assertRefusedAndUntouched("the manifest says 3");
    }

    @Test
    void refusesAnArchiveWithAnEntryTheManifestDoesNotList() throws IOException {
        toy.rewriteArchive(tar -> ToyBackup.putFile(tar, "../../evil", "evil".getBytes()));
        assertRefusedAndUntouched("does not list");
    }

    @Test
    void anArchiveEntryWithOtherBytesIsRefusedWithNothingTouchedAndNothingStaged() throws IOException {
        Map<String, byte[]> entries = new TreeMap<>(toy.archiveEntries());
        byte[] last = entries.get(((TreeMap<String, byte[]>) entries).lastKey());
        last[0] ^= 1;
        toy.rewriteArchive(tar -> {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ToyBackup.putFile(tar, e.getKey(), e.getValue());
            }
        });
        assertRefusedAndUntouched("differs from its recorded SHA-256");
        assertThat(root.resolve(".migrate/staging/rollback")).doesNotExist();
        assertThat(Files.readString(root.resolve("VERSION"))).isNotEqualTo("toy 0.1.0\n");
    }

    @Test
    void theRestoreLeavesNoStagingBehind() throws IOException {
        engine.rollback(root, Optional.empty(), Optional.empty(), line -> { });
        assertThat(Files.readString(root.resolve("data/a.jsonl"))).isEqualTo("{\"id\":1}\n");
        assertThat(root.resolve(".migrate/staging/rollback")).doesNotExist();
    }

    @Test
    void aLinkedWeightUnchangedSinceBeforeTheMarkerIsTrustedByItsStat() throws IOException, InterruptedException {
        Thread.sleep(50); // past the file system clock's tick of the link, far less than a fixed safety margin
        LinkedFileStats.record(backup, java.time.Instant.now());
        assertThat(BackupStore.read(backup).entries()).filteredOn(e -> e.stored().equals("hardlink"))
                .singleElement().satisfies(e -> assertThat(e.stat()).isEqualTo(LinkedFileStats.of(
                        backup.resolve("files").resolve(e.path()))).isPresent());
    }

    @Test
    void verifyNamesTheBadFile() throws IOException {
        Path weight = backup.resolve("files/models/m1/w.safetensors");
        Files.delete(weight);
        Files.writeString(weight, "x");
        assertThatThrownBy(() -> BackupVerifier.verify(backup, root))
                .hasMessageContaining("models/m1/w.safetensors")
                .hasMessageContaining("wrong size");
    }
}
