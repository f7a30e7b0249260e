package dev.verpath.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class InstallationTreesTest {

    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    private Path tree(String name) throws IOException {
        Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("models/a"));
        Files.createDirectories(root.resolve("empty"));
        Files.createDirectories(root.resolve(".migrate/backups"));
        Files.writeString(root.resolve("models/a/w.bin"), "abc");
        Files.writeString(root.resolve(".migrate/journal"), "state");
        Files.createSymbolicLink(root.resolve("models/legacy"), Path.of("a"));
        return root;
    }

    @Test
    void listsFilesByHashLinksByTargetAndFoldersButNotTheEngineState() throws IOException {
        Path root = tree("root");

        assertThat(InstallationTrees.listing(root)).containsExactly(
                entry("empty", "folder"),
                entry("models", "folder"),
                entry("models/a", "folder"),
                entry("models/a/w.bin", "file " + SHA256_OF_ABC),
                entry("models/legacy", "link a"));
        assertThat(InstallationTrees.sha256(root.resolve("models/a/w.bin"))).isEqualTo(SHA256_OF_ABC);
    }

    @Test
    void copiesLinksAsLinksAndComparesWithoutFolders() throws IOException {
        Path root = tree("root");
        Path copy = dir.resolve("copy");

        InstallationTrees.copy(root, copy);
        InstallationTrees.assertSame(root, copy, "after copying");

        assertThat(Files.isSymbolicLink(copy.resolve("models/legacy"))).isTrue();
        Files.delete(copy.resolve("empty"));
        InstallationTrees.assertSame(root, copy, "without the empty folder");
        assertThat(InstallationTrees.listing(copy)).isNotEqualTo(InstallationTrees.listing(root));
    }

    @Test
    void namesTheFirstDifferingLineAndALinkThatPointsElsewhere() throws IOException {
        Path root = tree("root");
        Path other = tree("other");
        Files.writeString(other.resolve("models/a/w.bin"), "abd");

        assertThatThrownBy(() -> InstallationTrees.assertSame(root, other, "checking"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("checking: models/a/w.bin differs at line 1");

        Files.writeString(other.resolve("models/a/w.bin"), "abc");
        Files.delete(other.resolve("models/legacy"));
        Files.createSymbolicLink(other.resolve("models/legacy"), Path.of("b"));
        assertThatThrownBy(() -> InstallationTrees.assertSame(root, other, "checking"))
                .hasMessageContaining("checking: models/legacy is link");
    }
}
