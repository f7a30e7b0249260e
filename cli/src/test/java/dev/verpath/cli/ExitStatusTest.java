package dev.verpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verpath.rules.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExitStatusTest {

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyEngineErrorCodeHasAStatusWithItsExitCode(ErrorCode code) {
        assertThat(ExitStatus.of(code).code()).isEqualTo(code.exitCode());
    }

    @Test
    void theHelpListHasCodesZeroToFiveInOrder() {
        assertThat(ExitStatus.helpList()).containsOnlyKeys("0", "1", "2", "3", "4", "5");
        assertThat(ExitStatus.helpList().keySet()).containsExactly("0", "1", "2", "3", "4", "5");
    }
}
