package dev.verpath.engine.workspace;

import dev.verpath.engine.files.CrashPoints;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.Mount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of a commit's durable effects is the crash-safety contract (docs/safety.md): moved files are parked
 * first, then deletes (a moved file's old path included), new content, the parked files, emptied folders,
 * symbolic links, hard links and emptied folders again. This pins every write point, in order, for a shadow run that makes each kind of change.
 */
class ShadowCommitOrderTest {

    @TempDir
    Path root;

    @AfterEach
    void disarm() {
        CrashPoints.disarm();
    }

    @Test
    void passesEveryWritePointInTheOrderThatRecoveryRelies() throws IOException {
        Files.createDirectories(root.resolve("old/deep"));
        Files.writeString(root.resolve("old/deep/a.bin"), "a");
        Files.writeString(root.resolve("old/b.txt"), "b");
        Files.writeString(root.resolve("gone.txt"), "gone");
        Files.writeString(root.resolve("kept.txt"), "kept");
        Files.createDirectories(root.resolve("empty-later"));
        Files.writeString(root.resolve("empty-later/x.txt"), "x");
        LiveTree live = LiveTree.scan(List.of(new Mount("", root)), Set.of());
        Path staging = root.resolve(".migrate/staging/1");
        ShadowWorkspace shadow = new ShadowWorkspace(live, staging, true, new HashCache());
        shadow.move("old", "new");
        shadow.delete("gone.txt");
        shadow.delete("empty-later");
        shadow.writeString("kept.txt", "kept again");
        shadow.writeString("fresh/c.txt", "c");
        shadow.symlink("current", "new");
        shadow.symlink("fresh/back", "../kept.txt");
        shadow.hardLink("fresh/a-again.bin", "new/deep/a.bin");
        shadow.hardLink("a-twice.bin", "new/deep/a.bin");

        CrashPoints.arm(Integer.MAX_VALUE);
        int changed = new ShadowCommit(shadow).apply();
        List<String> passed = CrashPoints.passed().stream().map(p -> p.replace(root + "/", "")).toList();

        assertThat(passed).containsExactly(
                "rename old/b.txt -> .migrate/staging/1/hold/h1",
                "rename old/deep/a.bin -> .migrate/staging/1/hold/h2",
                "delete empty-later/x.txt",
                "delete gone.txt",
                "delete old/b.txt",
                "delete old/deep/a.bin",
                "rename .migrate/staging/1/w000002.tmp -> fresh/c.txt",
                "rename .migrate/staging/1/w000001.tmp -> kept.txt",
                "rename .migrate/staging/1/hold/h1 -> new/b.txt",
                "rename .migrate/staging/1/hold/h2 -> new/deep/a.bin",
                "remove folder empty-later",
                "remove folder old/deep",
                "remove folder old",
                "symlink current.verpath-tmp",
                "rename current.verpath-tmp -> current",
                "symlink fresh/back.verpath-tmp",
                "rename fresh/back.verpath-tmp -> fresh/back",
                "link a-twice.bin.verpath-tmp",
                "rename a-twice.bin.verpath-tmp -> a-twice.bin",
                "link fresh/a-again.bin.verpath-tmp",
                "rename fresh/a-again.bin.verpath-tmp -> fresh/a-again.bin");
        assertThat(changed).isEqualTo(12);
        assertThat(Files.readString(root.resolve("new/deep/a.bin"))).isEqualTo("a");
        assertThat(Files.isSameFile(root.resolve("a-twice.bin"), root.resolve("new/deep/a.bin"))).isTrue();
        assertThat(Files.readString(root.resolve("fresh/back"))).isEqualTo("kept again");
        assertThat(root.resolve("old")).doesNotExist();
        assertThat(root.resolve("empty-later")).doesNotExist();
    }
}
