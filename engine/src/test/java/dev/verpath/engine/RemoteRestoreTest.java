package dev.verpath.engine;

import dev.verpath.engine.backup.ToyBackup;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.rules.MigrationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * [backup] remote pushes the backup of every successful run; a second, empty folder gets it back with a pull and a
 * rollback there, every mount moved inside it; a folder that holds files already is refused untouched; a push that
 * fails after a successful migration is a notice saying what to run, not a failed migration.
 */
class RemoteRestoreTest {

    @TempDir
    Path work;

    private EngineSettings settings(String remote) {
        return new SettingsLoader(Map.of()).load(Optional.empty(), Map.of("backup.remote", remote));
    }

    @Test
    void aPushedBackupIsRestoredOnASecondEmptyFolder() throws Exception {
        Path share = work.resolve("share");
        Path original = work.resolve("inst");
        Map<String, String> before = signature(original, () -> ToyBackup.migrated(original, settings(share.toString()), Map.of()));
        String id;
        try (Stream<Path> products = Files.list(share.resolve("toy"))) {
            id = products.findFirst().orElseThrow().getFileName().toString();
        }
        assertThat(share.resolve("toy").resolve(id).resolve("manifest.json")).as("pushed after the run").isRegularFile();

        Path second = work.resolve("second");
        MigrationEngine engine = ToyBackup.migrated(work.resolve("other"), EngineSettings.defaults(), Map.of()).engine;
        new RemoteBackups(EngineSettings.defaults(), ProgressListener.NONE).pullForRollback(second, Optional.of(id),
                Optional.of(share.toString()), line -> { });
        engine.rollback(second, Optional.of(id), Optional.empty(), line -> { });

        assertThat(tree(second)).isEqualTo(before);
        assertThat(Files.readString(second.resolve("VERSION"))).isEqualTo("toy 0.1.0\n");
    }

    @Test
    void aFolderThatHoldsFilesAlreadyIsRefusedUntouched() throws Exception {
        Path share = work.resolve("share");
        ToyBackup toy = ToyBackup.migrated(work.resolve("inst"), settings(share.toString()), Map.of());
        String id = toy.backup.getFileName().toString();
        Path busy = work.resolve("busy");
        Files.createDirectories(busy);
        Files.writeString(busy.resolve("notes.txt"), "mine\n");
        new RemoteBackups(EngineSettings.defaults(), ProgressListener.NONE).pullForRollback(busy, Optional.of(id),
                Optional.of(share.toString()), line -> { });

        assertThatThrownBy(() -> toy.engine.rollback(busy, Optional.of(id), Optional.empty(), line -> { }))
                .isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.USAGE))
                .hasMessage(busy + ": not the installation backup " + id + " was taken of (" + toy.root
                        + ") and not empty, so nothing was restored; give --path " + toy.root
                        + ", or an empty folder to restore a copy into");
        assertThat(tree(busy)).containsOnlyKeys("notes.txt");
    }

    @Test
    void aPushThatFailsAfterASuccessfulRunIsANotice() throws Exception {
        Path notAFolder = work.resolve("file");
        Files.writeString(notAFolder, "x");
        Path root = work.resolve("inst");
        List<String> notices = new ArrayList<>();
        ToyBackup.migrated(root, EngineSettings.defaults(), Map.of(), written -> { });
        MigrationEngine engine = MigrationEngine.create(ToyBackup.migrated(work.resolve("o"), EngineSettings.defaults(),
                Map.of()).engine.registry(), settings(notAFolder.resolve("backups").toString()));
        engine.rollback(root, Optional.empty(), Optional.empty(), line -> { });
        engine.migrate(new dev.verpath.engine.model.RunRequest(dev.verpath.engine.model.Scope.VERSION, root,
                Optional.empty(), Optional.empty(), Optional.of("2.0.0"), false, false, true, false), line -> { }, notices::add);

        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("toy 2.0.0\n");
        assertThat(notices).singleElement().asString().startsWith("the migration completed, but pushing its backup ")
                .contains(" to " + notAFolder.resolve("backups") + " failed (")
                .endsWith("; run 'migrate backups push --path " + root + " --backup-id "
                        + engine.backups(root).get(1).id() + "' later");
    }

    /** The toy's tree before its migration, which the action writes and migrates. */
    private static Map<String, String> signature(Path root, ThrowingAction action) throws Exception {
        ToyBackup toy = action.run();
        toy.rollback();
        Map<String, String> before = tree(root);
        toy.engine.migrate(new dev.verpath.engine.model.RunRequest(dev.verpath.engine.model.Scope.VERSION, root,
                Optional.empty(), Optional.empty(), Optional.of("2.0.0"), false, false, true, false), line -> { });
        return before;
    }

    private interface ThrowingAction {
        ToyBackup run() throws Exception;
    }

    private static Map<String, String> tree(Path root) throws Exception {
        Map<String, String> sig = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.equals(root) && !p.startsWith(root.resolve(".migrate"))).toList()) {
                sig.put(root.relativize(p).toString(), Files.isRegularFile(p)
                        ? dev.verpath.engine.files.HashCache.hash(p) + " " + Files.getPosixFilePermissions(p) : "dir");
            }
        }
        return sig;
    }
}
