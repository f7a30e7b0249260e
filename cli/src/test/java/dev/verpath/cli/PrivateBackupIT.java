package dev.verpath.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups and staging folders hold the 0600 config and records that carry {@code api_key}: under umask 022 the real
 * {@code ./migrate} creates their folders 0700 and their files 0600. A weight hard-linked into the backup shares the
 * live file's inode and keeps the live file's mode (changing it would change the live file).
 */
class PrivateBackupIT {

    @TempDir
    Path work;

    /** @return each entry below the folder (itself included) whose mode is not private, with that mode */
    private static Map<String, String> notPrivate(Path folder) throws IOException {
        Map<String, String> open = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                boolean sharedWithLive = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        && ((Number) Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue() > 1;
                String wanted = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "rwx------" : "rw-------";
                if (!sharedWithLive && !mode.equals(wanted)) {
                    open.put(folder.relativize(p).toString(), mode);
                }
            }
        }
        return open;
    }

    @Test
    void backupsAndStagingAreOnlyTheOwnersUnderUmask022() throws Exception {
        Path root = work.resolve("inst");
        Files.createDirectories(root);
        DemoInstallation.write(root);
        Files.setPosixFilePermissions(root.resolve("config/server.toml"), PosixFilePermissions.fromString("rw-------"));
        Path log = work.resolve("run.log");
        Process run = Launcher.start(Launcher.underUmask(work, "022"), root,
                Map.of("MIGRATE_JAVA_OPTS", "-Dverpath.test.pause=journal-written:6000"), log,
                "version", "--path", root.toString(), "--to", "2.1.0");
        Path journal = root.resolve(".migrate/journal.json");
        for (int i = 0; i < 600 && !Files.exists(journal) && run.isAlive(); i++) {
            Thread.sleep(50);
        }
        assertThat(journal).as(Files.exists(log) ? Files.readString(log) : "no output").exists();
        Path staging = root.resolve(".migrate/staging");
        assertThat(staging).isDirectory();
        assertThat(notPrivate(staging)).as("staging while the run waits before its commit").isEmpty();
        Path backups = root.resolve(".migrate/backups");
        assertThat(notPrivate(backups)).as("the backup, finished before the commit").isEmpty();

        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(Files.readString(log)).isZero();
        assertThat(notPrivate(backups)).isEmpty();
        try (Stream<Path> archives = Files.walk(backups)) {
            assertThat(archives.filter(p -> p.getFileName().toString().startsWith("files.tar"))).as("an archive was checked")
                    .hasSize(1);
        }
        assertThat(Files.getPosixFilePermissions(root.resolve("config/server.toml")))
                .as("the live tree keeps its own modes").isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
