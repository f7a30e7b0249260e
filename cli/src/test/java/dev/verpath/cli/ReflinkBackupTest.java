package dev.verpath.cli;

import dev.verpath.testsupport.HostProgram;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a file system that can clone (a real btrfs image, loop-mounted for the test: it needs root and
 * btrfs-progs), {@code [backup] weights = auto} clones weight files into the backup: no note about hard links,
 * an inode of its own, and an in-place write to the live weight leaves the backup intact.
 */
class ReflinkBackupTest {

    @TempDir
    Path work;

    private Path disk;

    @BeforeEach
    void mountBtrfs() throws Exception {
        String purpose = "a btrfs file system that clones (a loop-mounted image)";
        HostProgram.requireRoot(purpose);
        Path image = work.resolve("btrfs.img");
        try (var channel = Files.newByteChannel(image, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.truncate(0).position((300L << 20) - 1).write(java.nio.ByteBuffer.wrap(new byte[1]));
        }
        HostProgram.require(purpose, "mkfs.btrfs", "-q", image.toString());
        Path folder = Files.createDirectories(work.resolve("btrfs"));
        HostProgram.require(purpose, "mount", "-o", "loop", image.toString(), folder.toString());
        disk = folder;
    }

    @AfterEach
    void unmount() {
        if (disk != null) {
            HostProgram.run("umount", "-l", disk.toString());
        }
    }

    @Test
    void weightsAreClonedSoAnInPlaceWriteCannotReachTheBackup() throws Exception {
        Path root = disk.resolve("inst");
        Files.createDirectories(root);
        DemoInstallation.write(root);
        Path weight = root.resolve("models/llama-7b/model.safetensors");
        byte[] original = Files.readAllBytes(weight);

        CommandRun migrated = CommandRun.of("version", "--path", root.toString(), "--to", "2.1.0");
        assertThat(migrated.exit()).as(migrated.err()).isZero();
        assertThat(migrated.err()).contains("backing up");
        String id = CommandRun.of("--json", "backups", "list", "--path", root.toString()).json().path("backups").get(0)
                .path("id").asText();
        Path kept = root.resolve(".migrate/backups").resolve(id).resolve("files/models/llama-7b/model.safetensors");
        assertThat(Files.getAttribute(kept, "unix:ino")).isNotEqualTo(Files.getAttribute(weight, "unix:ino"));
        assertThat(migrated.err()).doesNotContain("hard-linked into the backup");

        Files.write(weight, "rewritten in place".getBytes(StandardCharsets.UTF_8));
        assertThat(CommandRun.of("backups", "verify", "--path", root.toString()).exit()).isZero();
        assertThat(CommandRun.of("rollback", "--path", root.toString(), "--yes").exit()).isZero();
        assertThat(Files.readAllBytes(weight)).isEqualTo(original);
    }
}
