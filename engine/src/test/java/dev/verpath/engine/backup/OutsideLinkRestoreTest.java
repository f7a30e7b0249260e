package dev.verpath.engine.backup;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.Excerpt;
import dev.verpath.engine.files.HashCache;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A crafted backup whose {@code files/} holds a hard link to a file outside the installation and the backup store
 * (the manifest edited to agree with its bytes) is refused: exit 5, nothing restored, the outside file untouched,
 * the entry named. Verpath never writes such an entry. A weight linked into the backup from the live installation
 * (its other name inside) is still restored.
 */
class OutsideLinkRestoreTest {

    private static final String WEIGHT = "models/m1/w.safetensors";

    @TempDir
    Path work;

    private Path outside;
    private byte[] secret;
    private FileTime oldTime;

    /** Replaces the backup's file of an entry by a hard link to a root-only file outside, the manifest agreeing. */
    private void linkOutsideFileInto(ToyBackup toy, String path, String stored) throws IOException {
        outside = work.resolve("outside-secret.bin");
        secret = "root-owned outside bytes\n".getBytes();
        Files.write(outside, secret);
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-------"));
        oldTime = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(outside, oldTime);
        Path file = toy.backup.resolve("files").resolve(path);
        Files.deleteIfExists(file);
        Files.createDirectories(file.getParent());
        Files.createLink(file, outside);
        String sha = HashCache.hash(outside);
        toy.editEntry(path, e -> {
            e.put("size", secret.length).put("mode", "rwxrwxrwx").put("mtime", 0).put("stored", stored).put("sha256", sha);
            e.remove("stat");
        });
    }

    private void assertOutsideFileUnchanged() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outside, LinkOption.NOFOLLOW_LINKS)))
                .isEqualTo("rw-------");
        assertThat(Files.getLastModifiedTime(outside, LinkOption.NOFOLLOW_LINKS)).isEqualTo(oldTime);
        assertThat(Files.readAllBytes(outside)).isEqualTo(secret);
        assertThat(Files.getAttribute(outside, "unix:nlink")).as("the outside file's links: itself and the backup's")
                .isEqualTo(2);
    }

    private static void assertRefused(ToyBackup toy, String path) throws IOException {
        Map<String, String> before = toy.signature();
        assertThatThrownBy(toy::rollback)
                .isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.BACKUP_CORRUPT))
                .hasMessageContaining(Excerpt.of(path))
                .hasMessageContaining("hard link to a file outside the installation")
                .hasMessageContaining("nothing was restored");
        assertThat(toy.signature()).isEqualTo(before);
        assertThat(toy.root.resolve(".migrate/staging/rollback")).doesNotExist();
    }

    @Test
    void aLinkToAFileOutsideTheInstallationIsRefusedAndNothingIsRestored() throws IOException {
        ToyBackup toy = ToyBackup.migrated(work.resolve("inst"));
        linkOutsideFileInto(toy, WEIGHT, "hardlink");

        assertRefused(toy, WEIGHT);

        assertOutsideFileUnchanged();
        assertThat(Files.isSameFile(toy.root.resolve(WEIGHT), outside)).isFalse();
    }

    @Test
    void aLinkToAnOutsideFileDeclaredAsACopyIsRefusedToo() throws IOException {
        ToyBackup toy = ToyBackup.migrated(work.resolve("inst"));
        linkOutsideFileInto(toy, "app.conf", "copy");

        assertRefused(toy, "app.conf");

        assertOutsideFileUnchanged();
        assertThat(Files.readString(toy.root.resolve("app.conf"))).doesNotContain("root-owned");
    }

    @Test
    void backupsVerifyRefusesTheOutsideLinkNamingTheEntry() throws IOException {
        ToyBackup toy = ToyBackup.migrated(work.resolve("inst"));
        linkOutsideFileInto(toy, WEIGHT, "hardlink");

        List<BackupCheck> checks = toy.engine.verifyBackups(toy.root);

        assertThat(checks).singleElement().satisfies(check -> assertThat(check.problem()).hasValueSatisfying(problem ->
                assertThat(problem).contains(WEIGHT).contains("hard link to a file outside the installation")));
        assertOutsideFileUnchanged();
    }

    @Test
    void anOrdinaryLinkedWeightIsStillRestoredByLink() throws IOException {
        ToyBackup toy = ToyBackup.migrated(work.resolve("inst"));
        assertThat(toy.engine.verifyBackups(toy.root)).singleElement().satisfies(check -> assertThat(check.ok()).isTrue());

        toy.rollback();

        assertThat(Files.isSameFile(toy.root.resolve(WEIGHT), toy.backup.resolve("files").resolve(WEIGHT))).isTrue();
    }

    @Test
    void aLinkedWeightReplacedSinceTheBackupIsRestoredFromItsOnlyNameInTheStore() throws IOException {
        ToyBackup toy = ToyBackup.migrated(work.resolve("inst"));
        Path live = toy.root.resolve(WEIGHT);
        Files.delete(live);
        Files.write(live, new byte[] {9, 9});

        toy.rollback();

        assertThat(Files.readAllBytes(live)).isEqualTo(new byte[] {1, 2, 3});
        assertThat(Files.isSameFile(live, toy.backup.resolve("files").resolve(WEIGHT))).isTrue();
    }
}
