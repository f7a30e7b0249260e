package dev.verpath.engine;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.LockHeldFailure;
import dev.verpath.engine.failure.NoPathFailure;
import dev.verpath.engine.graph.TinyGraph;
import dev.verpath.engine.journal.InstallationLock;
import dev.verpath.engine.plan.FewestStepsPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Failures carry what a caller decides by (the missing version, the reachable set, the holder), never only text. */
class TypedFailuresTest {

    @TempDir
    Path dir;

    @Test
    void noPathSaysWhatIsMissingAndWhatCanBeReached() {
        FewestStepsPlanner planner = new FewestStepsPlanner(TinyGraph.of("p")
                .edge("1.0.0", "2.0.0").edge("2.0.0", "2.1.0").edge("3.0.0", "4.0.0").graph());

        NoPathFailure unreachable = catchThrowableOfType(() -> planner.plan("p", "1.0.0", "4.0.0", false), NoPathFailure.class);
        NoPathFailure unknownSource = catchThrowableOfType(() -> planner.plan("p", "0.9.0", "2.0.0", false), NoPathFailure.class);
        NoPathFailure unknownTarget = catchThrowableOfType(() -> planner.plan("p", "1.0.0", "9.0.0", false), NoPathFailure.class);

        assertThat(unreachable.missing()).isEqualTo(NoPathFailure.Missing.PATH);
        assertThat(unreachable.reachable()).containsExactly("2.0.0", "2.1.0");
        assertThat(unreachable.code()).isEqualTo(ErrorCode.NO_PATH);
        assertThat(unknownSource.missing()).isEqualTo(NoPathFailure.Missing.SOURCE);
        assertThat(unknownSource.known()).containsExactly("1.0.0", "2.0.0", "2.1.0", "3.0.0", "4.0.0");
        assertThat(unknownTarget.missing()).isEqualTo(NoPathFailure.Missing.TARGET);
        assertThat(unknownTarget.newest()).contains("4.0.0");
    }

    @Test
    void aSourceReadFromTheInstallationKeepsItsDataAndNamesTheFile() {
        NoPathFailure unknown = catchThrowableOfType(() -> new FewestStepsPlanner(TinyGraph.of("p").edge("1.0.0", "2.0.0")
                .graph()).plan("p", "0.9.0", "2.0.0", false), NoPathFailure.class);

        NoPathFailure located = unknown.readFrom("/srv/inst/VERSION");

        assertThat(located).hasMessageStartingWith("/srv/inst/VERSION: unknown version 0.9.0 of p;").hasCause(unknown);
        assertThat(located.missing()).isEqualTo(NoPathFailure.Missing.SOURCE);
        assertThat(located.known()).isEqualTo(unknown.known());
    }

    @Test
    void aHeldLockNamesItsFileAndTheHoldersProcess() throws Exception {
        Path state = Files.createDirectories(dir.resolve(".migrate"));
        try (InstallationLock held = InstallationLock.acquire(state)) {
            LockHeldFailure second = catchThrowableOfType(() -> InstallationLock.acquire(state), LockHeldFailure.class);

            assertThat(second.code()).isEqualTo(ErrorCode.LOCKED);
            assertThat(second.lockFile()).isEqualTo(state.resolve(InstallationLock.FILE));
            assertThat(second.holderPid()).contains(ProcessHandle.current().pid());
        }
    }
}
