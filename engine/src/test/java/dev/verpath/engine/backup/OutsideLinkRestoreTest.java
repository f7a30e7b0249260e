package dev.verpath.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verpath.engine.workspace.HashCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crafted backup whose {@code files/} holds a hard link to a file outside the installation (the manifest
 * edited to agree): the restore copies it, and the outside file keeps its mode, time, bytes and links.
 */
class OutsideLinkRestoreTest {

    private static final String WEIGHT = "models/m1/w.safetensors";

    @TempDir
    Path work;

    @Test
    void aLinkToAFileOutsideTheInstallationIsCopiedAndTheOutsideFileIsUnchanged() throws IOException {
        ToyBackup toy = ToyBackup.migrated(work.resolve("inst"));
        Path outside = work.resolve("outside-secret.bin");
        byte[] secret = "root-owned outside bytes\n".getBytes();
        Files.write(outside, secret);
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-------"));
        FileTime oldTime = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(outside, oldTime);
        Path stored = toy.backup.resolve("files").resolve(WEIGHT);
        Files.delete(stored);
        Files.createLink(stored, outside);
        toy.editEntry(WEIGHT, e -> {
            e.put("size", secret.length).put("mode", "rwxrwxrwx").put("mtime", 0);
            e.remove("stat");
            try {
                e.put("sha256", HashCache.hash(outside));
            } catch (IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
        });

        toy.rollback();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outside, LinkOption.NOFOLLOW_LINKS)))
                .isEqualTo("rw-------");
        assertThat(Files.getLastModifiedTime(outside, LinkOption.NOFOLLOW_LINKS)).isEqualTo(oldTime);
        assertThat(Files.readAllBytes(outside)).isEqualTo(secret);
        assertThat(Files.getAttribute(outside, "unix:nlink")).as("the outside file's links: itself and the backup's")
                .isEqualTo(2);
        Path restored = toy.root.resolve(WEIGHT);
        assertThat(Files.readAllBytes(restored)).isEqualTo(secret);
        assertThat(Files.isSameFile(restored, outside)).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restored))).isEqualTo("rwxrwxrwx");
    }

    @Test
    void anOrdinaryLinkedWeightIsStillRestoredByLink() throws IOException {
        ToyBackup toy = ToyBackup.migrated(work.resolve("inst"));

        toy.rollback();

        assertThat(Files.isSameFile(toy.root.resolve(WEIGHT), toy.backup.resolve("files").resolve(WEIGHT))).isTrue();
    }
}
