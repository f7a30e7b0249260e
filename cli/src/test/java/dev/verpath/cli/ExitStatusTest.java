package dev.verpath.cli;

import dev.verpath.engine.failure.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;

class ExitStatusTest {

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void anErrorCodeExitsByWhoseProblemItIsAndWhatTheUserCanDo(ErrorCode code) {
        int expected = switch (code) {
            case USAGE, NO_PATH -> 2;
            case LOCKED -> 3;
            case RECOVERY_NEEDED -> 4;
            case BACKUP_CORRUPT -> 5;
            case UNHEALTHY -> 6;
            default -> 1;
        };
        assertThat(ExitStatus.of(code).code()).isEqualTo(expected);
    }

    @Test
    void aRulesOwnFailuresMapToTheirKinds() {
        assertThat(ExitStatus.of(ErrorCode.of(new dev.verpath.rules.RuleFailure("a.toml", "bad"))).code()).isEqualTo(1);
        assertThat(ExitStatus.of(ErrorCode.of(new dev.verpath.rules.FlagFailure("X", "X is 'y'"))).code()).isEqualTo(2);
    }

    @Test
    void theHelpListHasCodesZeroToSixInOrder() {
        assertThat(ExitStatus.helpList().keySet()).containsExactly("0", "1", "2", "3", "4", "5", "6");
    }
}
