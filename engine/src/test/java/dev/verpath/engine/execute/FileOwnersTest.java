package dev.verpath.engine.execute;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.workspace.OwnedTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An installation owned by a service user, migrated and rolled back by root: every file and folder the run
 * writes keeps (or takes) the installation's owner and group, never root's. Needs root to give files away.
 */
class FileOwnersTest {

    @TempDir
    Path root;

    private final MigrationEngine engine = MigrationEngine.create(RuleRegistry.ofBuiltIns(new ToyRules()), EngineSettings.defaults());

    @BeforeEach
    void onlyAsRoot() throws IOException {
        assumeTrue(OwnedTree.runsAsRoot(root), OwnedTree.NOT_ROOT);
    }

    private void install() throws IOException {
        Files.writeString(root.resolve("VERSION"), "toy 0.1.0\n");
        Files.writeString(root.resolve("app.conf"), "name = demo\n");
        Files.setPosixFilePermissions(root.resolve("app.conf"), PosixFilePermissions.fromString("rw-------"));
        Files.createDirectories(root.resolve("data/sub"));
        Files.writeString(root.resolve("data/a.jsonl"), "{\"id\":1}\n");
        Files.writeString(root.resolve("data/sub/b.jsonl"), "{\"id\":3}\n");
        Files.createDirectories(root.resolve("models/m1"));
        Files.write(root.resolve("models/m1/w.safetensors"), new byte[] {1, 2, 3});
        Files.writeString(root.resolve("notes.txt"), "untouched\n");
        OwnedTree.giveAway(root);
    }

    private void migrate() {
        engine.migrate(new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(), Optional.of("2.0.0"),
                false, false, true, false), line -> { });
    }

    @Test
    void aMigrationAsRootKeepsTheOwnerGroupAndModeOfEveryFileItRewritesAndGivesWhatItCreatesTheFoldersOwner()
            throws IOException {
        install();

        migrate();

        assertThat(Files.readString(root.resolve("app.conf"))).endsWith("upgraded to 2.0.0\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("app.conf")))).isEqualTo("rw-------");
        assertThat(Files.isSymbolicLink(root.resolve("models/m1"))).isTrue();
        assertThat(OwnedTree.owners(root)).as("owner:group of every entry after the migration")
                .containsKeys("app.conf", "VERSION", "data/a.jsonl", "data/sub/b.jsonl", "models/m1", "models/v2",
                        "models/v2/m1", "models/v2/m1/w.safetensors")
                .allSatisfy((path, owner) -> assertThat(owner).as(path).isEqualTo(OwnedTree.serviceUser()));
    }

    @Test
    void aRollbackAsRootGivesBackEveryOwnerIncludingThoseOfFilesTheMigrationLeftAlone() throws IOException {
        install();
        Map<String, String> before = OwnedTree.owners(root);
        migrate();

        engine.rollback(root, Optional.empty(), Optional.empty(), line -> { });

        assertThat(Files.readString(root.resolve("app.conf"))).isEqualTo("name = demo\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("app.conf")))).isEqualTo("rw-------");
        assertThat(OwnedTree.owners(root)).isEqualTo(before);
    }

    @Test
    void aSubCommandKeepsTheOwnerOfTheFileItMigratesAndItsRollbackToo(@TempDir Path elsewhere) throws IOException {
        Path file = elsewhere.resolve("my.conf");
        Files.writeString(file, "name = x\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        OwnedTree.giveAway(elsewhere);

        engine.migrate(new RunRequest(Scope.CONFIG, file, Optional.of("toy"), Optional.of("0.1.0"), Optional.of("2.0.0"),
                false, false, true, false), line -> { });

        assertThat(Files.readString(file)).endsWith("upgraded to 2.0.0\n");
        assertThat(OwnedTree.owner(file)).isEqualTo(OwnedTree.serviceUser());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        engine.rollback(elsewhere, Optional.empty(), Optional.empty(), line -> { });

        assertThat(Files.readString(file)).isEqualTo("name = x\n");
        assertThat(OwnedTree.owner(file)).isEqualTo(OwnedTree.serviceUser());
    }
}
