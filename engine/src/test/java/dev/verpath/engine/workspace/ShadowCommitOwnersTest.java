package dev.verpath.engine.workspace;

import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.Mount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A shadow run's commit, as root, over a tree owned by a service user: what a rule rewrites keeps its owner,
 * what it creates (files, folders, links) takes the owner of the folder it lands in.
 */
class ShadowCommitOwnersTest {

    @TempDir
    Path root;

    @BeforeEach
    void onlyAsRoot() throws IOException {
        assumeTrue(OwnedTree.runsAsRoot(root), OwnedTree.NOT_ROOT);
    }

    private ShadowWorkspace shadow() throws IOException {
        LiveTree live = LiveTree.scan(List.of(new Mount("", root)), Set.of());
        return new ShadowWorkspace(live, root.resolve(".migrate/staging/1"), true, new HashCache());
    }

    @Test
    void filesFoldersAndLinksARuleCreatesTakeTheOwnerOfTheFolderTheyLandIn() throws IOException {
        Files.createDirectories(root.resolve("models"));
        Files.writeString(root.resolve("models/old.bin"), "weights");
        Files.writeString(root.resolve("models/moved.bin"), "more weights");
        OwnedTree.giveAway(root);
        ShadowWorkspace shadow = shadow();
        shadow.writeString("models/new/deep/metadata.json", "{}\n");
        shadow.symlink("models/current", "new");
        shadow.hardLink("models/new/deep/linked.bin", "models/old.bin");
        shadow.move("models/moved.bin", "archive/2023/moved.bin");

        new ShadowCommit(shadow).apply();

        assertThat(Files.readString(root.resolve("models/new/deep/metadata.json"))).isEqualTo("{}\n");
        assertThat(OwnedTree.owners(root)).containsKeys("models/new", "models/new/deep", "models/new/deep/metadata.json",
                        "models/current", "models/new/deep/linked.bin", "archive", "archive/2023", "archive/2023/moved.bin")
                .allSatisfy((path, owner) -> assertThat(owner).as(path).isEqualTo(OwnedTree.serviceUser()));
    }

    @Test
    void aFileARuleDeletesAndWritesAgainKeepsTheOwnerAndModeOfTheFileItReplaces() throws IOException {
        Files.writeString(root.resolve("server.toml"), "a = 1\n");
        Files.setPosixFilePermissions(root.resolve("server.toml"), PosixFilePermissions.fromString("rw-------"));
        OwnedTree.giveAway(root);
        Files.setAttribute(root, "unix:uid", 0);
        Files.setAttribute(root, "unix:gid", 0);
        ShadowWorkspace shadow = shadow();
        shadow.delete("server.toml");
        shadow.writeString("server.toml", "a = 2\n");

        new ShadowCommit(shadow).apply();

        assertThat(Files.readString(root.resolve("server.toml"))).isEqualTo("a = 2\n");
        assertThat(OwnedTree.owner(root.resolve("server.toml"))).isEqualTo(OwnedTree.serviceUser());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("server.toml")))).isEqualTo("rw-------");
    }
}
