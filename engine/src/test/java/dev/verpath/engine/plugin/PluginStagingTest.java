package dev.verpath.engine.plugin;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class PluginStagingTest {

    @TempDir
    Path temp;

    private Path leftover(String name, boolean withOwner, Duration age) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name));
        Files.writeString(folder.resolve("001-plugin.jar"), "bytes");
        FileTime then = FileTime.from(Instant.now().minus(age));
        if (withOwner) {
            Files.createFile(folder.resolve(".owner"));
            Files.setLastModifiedTime(folder.resolve(".owner"), then);
        }
        Files.setLastModifiedTime(folder, then);
        return folder;
    }

    @Test
    void eachStagingIsANewFolderOnlyItsOwnerCanOpen() throws IOException, InterruptedException {
        PluginStaging first = PluginStaging.create(temp);
        PluginStaging second = PluginStaging.create(temp);
        first.awaitSweep();
        second.awaitSweep();

        List<Path> folders;
        try (Stream<Path> listed = Files.list(temp)) {
            folders = listed.toList();
        }
        assertThat(folders).hasSize(2).allSatisfy(folder -> {
            assertThat(folder.getFileName().toString()).startsWith("verpath-plugins-");
            assertThat(folder.resolve(".owner")).exists();
            if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            }
        });
        first.delete();
        second.delete();
        try (Stream<Path> listed = Files.list(temp)) {
            assertThat(listed).isEmpty();
        }
    }

    @Test
    void aNewStagingRemovesTheFoldersOfKilledProcessesAndKeepsTheRest() throws IOException, InterruptedException {
        Path killed = leftover("verpath-plugins-killed", true, Duration.ofMinutes(5));
        Path justMade = leftover("verpath-plugins-new", true, Duration.ZERO);
        Path ancient = leftover("verpath-plugins-ancient", false, Duration.ofDays(2));
        Path recentWithoutOwner = leftover("verpath-plugins-recent", false, Duration.ofHours(1));
        Path other = leftover("someone-else", true, Duration.ofDays(2));
        Path live = leftover("verpath-plugins-live", true, Duration.ofMinutes(5));

        // the live folder's owner is locked by another process: simulate it with a process holding the lock
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                Path.of("src/test/java/dev/verpath/engine/plugin/HoldLock.java").toAbsolutePath().toString(),
                live.resolve(".owner").toString()).redirectErrorStream(true).start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(6))).isEqualTo("locked");

            PluginStaging staging = PluginStaging.create(temp);
            staging.awaitSweep();

            assertThat(killed).doesNotExist();
            assertThat(ancient).doesNotExist();
            assertThat(justMade).exists();
            assertThat(recentWithoutOwner).exists();
            assertThat(other).exists();
            assertThat(live).exists();
            staging.delete();
        } finally {
            holder.destroy();
        }
    }

    @Test
    void theStagingsOwnFolderIsLockedWhileTheJvmLives() throws IOException {
        PluginStaging.create(temp);
        Path own;
        try (var folders = Files.list(temp)) {
            own = folders.filter(p -> p.getFileName().toString().startsWith("verpath-plugins-")).findFirst().orElseThrow();
        }
        Files.setLastModifiedTime(own.resolve(".owner"), FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        PluginStaging.removeAbandoned(temp);

        assertThat(own.resolve(".owner")).exists();
        try (FileChannel channel = FileChannel.open(own.resolve(".owner"), StandardOpenOption.WRITE)) {
            FileLock lock = null;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            assertThat(lock).as("held by this JVM").isNull();
        }
    }
}
