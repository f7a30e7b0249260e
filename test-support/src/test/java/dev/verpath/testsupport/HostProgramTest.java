package dev.verpath.testsupport;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class HostProgramTest {

    private static final String MISSING = "verpath-no-such-program-7f3a";

    @Test
    void aProgramThatIsNotInstalledIsAnOutcomeNotAnException() {
        HostProgram outcome = HostProgram.run(MISSING, "--flag");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.exit()).isEqualTo(-1);
        assertThat(outcome.output()).isEqualTo(MISSING + " is not installed here");
    }

    @Test
    void requiringAMissingProgramSkipsTheTestNamingPurposeAndProgram() {
        Throwable thrown = catchThrowable(() -> HostProgram.require("a file system that clones", MISSING, "-q"));

        assertThat(thrown).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("skipped: a file system that clones needs " + MISSING + ", which could not run: "
                        + MISSING + " is not installed here");
    }

    @Test
    void requiringAProgramThatFailsSkipsTheTestWithItsExitAndOutput() {
        Throwable thrown = catchThrowable(() -> HostProgram.require("a shell", "sh", "-c", "echo no room >&2; exit 3"));

        assertThat(thrown).isInstanceOf(TestAbortedException.class).hasMessageContaining("failed here (exit 3: no room)");
    }

    @Test
    void aProgramThatRunsGivesItsExitAndOutput() {
        HostProgram outcome = HostProgram.run("sh", "-c", "echo ready; exit 0");

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.output()).isEqualTo("ready");
    }
}
