package dev.verpath.engine.execute;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.rules.FlagDescriptor;
import dev.verpath.rules.MigrationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DryRunFlagsTest {

    private static final List<FlagDescriptor> DECLARED = List.of(
            new FlagDescriptor("TOY_FAST", "true", "Goes fast."),
            FlagDescriptor.dryRun("TOY_DRY_RUN", "Rehearses the whole run."));

    private final List<String> notices = new ArrayList<>();

    private static RunRequest request(boolean dryRun) {
        return new RunRequest(Scope.VERSION, Path.of("inst"), Optional.empty(), Optional.empty(), Optional.empty(),
                dryRun, false, true, false);
    }

    private RunRequest apply(RunRequest request, Map<String, String> env) {
        return DryRunFlags.apply(request, DECLARED, EngineSettings.defaults().withFlags(env), notices::add);
    }

    @Test
    void aTrueDryRunFlagMakesTheRunADryRunAndSaysWhich() {
        assertThat(apply(request(false), Map.of("TOY_DRY_RUN", "yes")).dryRun()).isTrue();
        assertThat(notices).containsExactly("TOY_DRY_RUN=yes (environment) makes this a dry run, as --dry-run: nothing is written");
    }

    @Test
    void otherFlagsAndAFalseValueLeaveTheRunAsAsked() {
        assertThat(apply(request(false), Map.of("TOY_FAST", "true", "TOY_DRY_RUN", "false"))).isEqualTo(request(false));
        assertThat(notices).isEmpty();
    }

    @Test
    void aDryRunFlagThatIsNeitherTrueNorFalseIsRefused() {
        assertThatThrownBy(() -> apply(request(true), Map.of("TOY_DRY_RUN", "maybe")))
                .isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.USAGE))
                .hasMessage("TOY_DRY_RUN is 'maybe' (environment), not true or false; set it to true for a dry run or false"
                        + " for a real one");
    }
}
