package dev.verpath.engine.backup;

import dev.verpath.engine.files.HardLinks;
import dev.verpath.engine.settings.EngineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a file system without hard links (the test property {@code verpath.test.no-hard-links} stands in for one:
 * a tmpfs makes them), a backup keeps copies of what it would link, and a rollback restores by checked copies.
 */
class NoHardLinkBackupTest {

    private static final String WEIGHT = "models/m1/w.safetensors";

    @TempDir
    Path work;

    @AfterEach
    void linksAgain() {
        System.clearProperty(HardLinks.NONE_PROPERTY);
    }

    @Test
    void aBackupMadeWhereLinksAreNotMadeCopiesTheWeightsAndRestoresThem() throws IOException {
        System.setProperty(HardLinks.NONE_PROPERTY, "true");
        ToyBackup toy = ToyBackup.migrated(work.resolve("inst"), EngineSettings.defaults(), Map.of());

        assertThat(BackupStore.read(toy.backup).entries()).filteredOn(e -> e.path().equals(WEIGHT)).singleElement()
                .satisfies(e -> assertThat(e.stored()).isEqualTo("copy"));
        Path live = toy.root.resolve(WEIGHT);
        assertThat(Files.isSameFile(live, toy.backup.resolve("files").resolve(WEIGHT))).isFalse();
        Files.delete(live);
        Files.write(live, new byte[] {7});

        toy.rollback();

        assertThat(Files.readString(toy.root.resolve("VERSION"))).isEqualTo("toy 0.1.0\n");
        assertThat(Files.readAllBytes(live)).isEqualTo(new byte[] {1, 2, 3});
    }

    @Test
    void aLinkedBackupRestoredWhereLinksAreNotMadeIsCopiedInPlace() throws IOException {
        ToyBackup toy = ToyBackup.migrated(work.resolve("inst"));
        Path live = toy.root.resolve(WEIGHT);
        Path stored = toy.backup.resolve("files").resolve(WEIGHT);
        assertThat(Files.isSameFile(live, stored)).isTrue();
        Files.delete(live);
        Files.write(live, new byte[] {7});
        System.setProperty(HardLinks.NONE_PROPERTY, "true");

        toy.rollback();

        assertThat(Files.readAllBytes(live)).isEqualTo(new byte[] {1, 2, 3});
        assertThat(Files.isSameFile(live, stored)).isFalse();
        try (var walk = Files.walk(toy.root)) {
            assertThat(walk.filter(p -> p.getFileName().toString().endsWith(".verpath-tmp"))).isEmpty();
        }
    }
}
