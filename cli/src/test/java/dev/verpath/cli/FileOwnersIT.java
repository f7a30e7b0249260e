package dev.verpath.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 23, defect 4: an installation owned by a service user, migrated and rolled back with sudo. The real
 * {@code ./migrate} runs as root over a tree owned by 65534 (group 65532): every file it rewrites or creates,
 * and every file the rollback puts back, keeps that owner, group and mode, so the service can still read its
 * own config. A user who is not root cannot give files away: the run goes on and says which files are now
 * theirs. Needs root (skipped, saying so, otherwise).
 */
class FileOwnersIT {

    private static final int UID = 65534;
    private static final int GID = 65532;
    private static final String SERVICE = UID + ":" + GID;
    private static final List<String> WATCHED = List.of("VERSION", "config/server.toml", "data/requests.jsonl",
            "data/2023/11/archive.jsonl", "models/llama-7b/config.json", "models/mistral-7b/config.json");

    @TempDir
    Path work;

    @BeforeEach
    void onlyAsRoot() throws IOException {
        Path probe = Files.createTempFile(work, "owner", ".probe");
        boolean root = ((Integer) Files.getAttribute(probe, "unix:uid")) == 0;
        Files.delete(probe);
        assumeTrue(root, "skipped: giving files to another owner needs root, and this test does not run as root");
    }

    private Path installation(int uid, int gid) throws IOException {
        Path root = work.resolve("inst");
        DemoInstallation.write(root);
        Files.setPosixFilePermissions(root.resolve("config/server.toml"), PosixFilePermissions.fromString("rw-------"));
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            }
        }
        return root;
    }

    /** @return {@code uid:gid} of every entry but {@code .migrate/} */
    private static Map<String, String> owners(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.startsWith(root.resolve(".migrate"))).toList()) {
                out.put(root.relativize(p).toString(), owner(p));
            }
        }
        return out;
    }

    private static String owner(Path p) throws IOException {
        return Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS) + ":"
                + Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aMigrationAndARollbackAsRootKeepEveryOwnerGroupAndMode() throws IOException {
        Path root = installation(UID, GID);
        Map<String, String> modes = new TreeMap<>();
        for (String file : WATCHED) {
            modes.put(file, mode(root.resolve(file)));
        }
        Map<String, String> before = owners(root);

        CommandRun migrate = Launcher.run(work, "version", "--path", "inst", "--to", "2.1.0");

        assertThat(migrate.exit()).as(migrate.err()).isZero();
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("2.1.0\n");
        assertThat(root.resolve("models/llama-7b/metadata.json")).as("created by the migration").exists();
        assertThat(owners(root)).as("owner:group after the migration")
                .containsKeys("models/llama-7b/metadata.json")
                .allSatisfy((path, owner) -> assertThat(owner).as(path).isEqualTo(SERVICE));
        assertThat(mode(root.resolve("config/server.toml"))).isEqualTo("rw-------");
        for (String file : WATCHED) {
            assertThat(mode(root.resolve(file))).as(file).isEqualTo(modes.get(file));
        }
        assertThat(migrate.err()).doesNotContain("now belong to");

        CommandRun rollback = Launcher.run(work, "rollback", "--path", "inst", "--yes");

        assertThat(rollback.exit()).as(rollback.err()).isZero();
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("0.1.0\n");
        assertThat(owners(root)).as("owner:group after the rollback").isEqualTo(before);
        for (String file : WATCHED) {
            assertThat(mode(root.resolve(file))).as(file).isEqualTo(modes.get(file));
        }
        assertThat(rollback.err()).doesNotContain("now belong to");
    }

    @Test
    void aUserWhoIsNotRootAndNotTheOwnerMigratesAndIsToldWhichFilesAreNowTheirs() throws Exception {
        Path root = installation(1000, 1000);
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxrwxrwx" : "rw-rw-rw-"));
            }
        }
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.copy(Launcher.script().getParent().resolve("cli/target/migrate.jar"), work.resolve("migrate.jar"));
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        CommandRun run = Launcher.runJarAs(Optional.of(UID), jar, work,
                "--no-plugins", "version", "--path", root.toString(), "--to", "2.1.0");
        String output = run.out();

        assertThat(run.exit()).as(output).isZero();
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("2.1.0\n");
        assertThat(owner(root.resolve("config/server.toml"))).as("rewritten by uid " + UID).isEqualTo(UID + ":" + UID);
        assertThat(owner(root.resolve("models/llama-7b/model.safetensors"))).as("never rewritten").isEqualTo("1000:1000");
        assertThat(output).contains("written file(s) or folder(s) now belong to the user running migrate")
                .contains(root.resolve("config/server.toml").toString())
                .contains("run migrate as that owner, or as root, to keep owners");
    }
}
