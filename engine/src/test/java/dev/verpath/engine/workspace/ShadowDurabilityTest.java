package dev.verpath.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.Mount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of many small steps rewrites VERSION once a step: only the staged files the commit renames into place are
 * made durable, once, before the journal is begun; the copies later steps replaced are deleted unsynced.
 */
class ShadowDurabilityTest {

    @TempDir
    Path root;

    @Test
    void syncsOnlyTheStagedFilesTheCommitPutsInPlace() throws IOException {
        Files.writeString(root.resolve("VERSION"), "1.0.0\n");
        LiveTree live = LiveTree.scan(List.of(new Mount("", root)), Set.of());
        Path staging = root.resolve(".migrate/staging/1");
        ShadowWorkspace shadow = new ShadowWorkspace(live, staging, true, new HashCache());
        for (int step = 1; step <= 5; step++) {
            shadow.writeString("VERSION", "1.0." + step + "\n");
        }
        shadow.writeString("config/new.toml", "a = 1\n");

        int synced = shadow.makeDurable();

        assertThat(synced).isEqualTo(2);
        try (var staged = Files.list(staging)) {
            assertThat(staged.map(p -> p.getFileName().toString()).sorted()).containsExactly("w000005.tmp", "w000006.tmp");
        }
        new ShadowCommit(shadow).apply();
        assertThat(root.resolve("VERSION")).hasContent("1.0.5");
        assertThat(root.resolve("config/new.toml")).hasContent("a = 1");
    }

    @Test
    void aDryRunSyncsNothing() throws IOException {
        Files.writeString(root.resolve("VERSION"), "1.0.0\n");
        LiveTree live = LiveTree.scan(List.of(new Mount("", root)), Set.of());
        ShadowWorkspace shadow = new ShadowWorkspace(live, root.resolve(".migrate/staging/1"), false, new HashCache());
        shadow.writeString("VERSION", "1.0.1\n");

        assertThat(shadow.makeDurable()).isZero();
    }
}
