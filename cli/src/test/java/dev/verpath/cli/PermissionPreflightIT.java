package dev.verpath.cli;

import dev.verpath.testsupport.HostProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The permission pre-flight on the real file system: the installation's folders are read-only to the user who
 * runs the command (only {@code .migrate/} is writable), so the migration must stop before its first write,
 * naming the folder. Root may write anywhere, so when the tests run as root (as CI does) the command runs as
 * {@code nobody} through {@code setpriv}; otherwise it runs as the current user, whom mode 555 stops.
 */
class PermissionPreflightIT {

    private static final Path JAR = Launcher.script().getParent().resolve("cli/target/migrate.jar");

    @TempDir
    Path work;

    @Test
    void aFolderTheUserCannotWriteStopsTheMigrationBeforeAnyWrite() throws Exception {
        boolean root0 = HostProgram.isRoot(); // root is never stopped by modes: the command then runs as nobody
        Path root = work.resolve("inst");
        DemoInstallation.write(root);
        Path jar = Files.copy(JAR, work.resolve("migrate.jar"));
        Files.createDirectories(root.resolve(".migrate"));
        SortedMap<String, String> before = DemoInstallation.checksums(root);
        chmod(work, "rwxr-xr-x");
        chmod(jar, "rw-r--r--");
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !Files.isSymbolicLink(p)).toList()) {
                if (Files.isDirectory(p)) {
                    folders.add(p);
                } else {
                    chmod(p, "rw-r--r--");
                }
            }
        }
        folders.forEach(f -> chmod(f, "r-xr-xr-x"));
        chmod(root.resolve(".migrate"), "rwxrwxrwx");
        try {
            CommandRun run = Launcher.runJarAs(root0 ? Optional.of(65534) : Optional.empty(), jar, work,
                    "--no-plugins", "version", "--path", root.toString(), "--to", "2.1.0");
            String output = run.out();

            assertThat(run.exit()).as(output).isEqualTo(1);
            assertThat(output).contains(": no write permission, and the migration changes files in it;")
                    .contains("the installation is unchanged");
        } finally {
            folders.forEach(f -> chmod(f, "rwxr-xr-x"));
        }
        assertThat(DemoInstallation.checksums(root)).isEqualTo(before);
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("0.1.0\n");
        try (Stream<Path> backups = Files.list(root.resolve(".migrate"))) {
            assertThat(backups.map(p -> p.getFileName().toString())).doesNotContain("backups");
        }
    }

    private static void chmod(Path path, String mode) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
