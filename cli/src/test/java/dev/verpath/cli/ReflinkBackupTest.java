package dev.verpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a file system that can clone (a real btrfs image, loop-mounted for the test: it needs root and
 * btrfs-progs), {@code [backup] weights = auto} clones weight files into the backup: no note about hard links,
 * an inode of its own, and an in-place write to the live weight leaves the backup intact.
 */
class ReflinkBackupTest {

    @TempDir
    Path work;

    private Path disk;

    private static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return command[0] + " is not installed";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0 ? "" : String.join(" ", command) + ": " + out;
    }

    @BeforeEach
    void mountBtrfs() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "skipped: loop-mounting a btrfs image needs root, and the tests do not run as root");
        Path image = work.resolve("btrfs.img");
        try (var channel = Files.newByteChannel(image, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.truncate(0).position((300L << 20) - 1).write(java.nio.ByteBuffer.wrap(new byte[1]));
        }
        String made = run("mkfs.btrfs", "-q", image.toString());
        Assumptions.assumeTrue(made.isEmpty(), "skipped: cannot make a btrfs file system here (" + made + ")");
        disk = work.resolve("btrfs");
        Files.createDirectories(disk);
        String mounted = run("mount", "-o", "loop", image.toString(), disk.toString());
        if (!mounted.isEmpty()) {
            disk = null;
        }
        Assumptions.assumeTrue(mounted.isEmpty(), "skipped: cannot loop-mount a btrfs image here (" + mounted + ")");
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            run("umount", "-l", disk.toString());
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
