package dev.verpath.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlagDescriptorTest {

    @Test
    void aFlagMadeAsInRulesApi100DoesNotMeanDryRun() {
        FlagDescriptor flag = new FlagDescriptor("GATEWAY_STRICT", "false", "Refuse unknown routes.");

        assertThat(flag.meansDryRun()).isFalse();
    }

    @Test
    void aDryRunFlagIsFalseByDefault() {
        FlagDescriptor flag = FlagDescriptor.dryRun("GATEWAY_DRY_RUN", "Rehearse the whole run.");

        assertThat(flag).isEqualTo(new FlagDescriptor("GATEWAY_DRY_RUN", "false", "Rehearse the whole run.", true,
                FlagKind.BOOLEAN, List.of()));
    }

    @Test
    void eachKindSaysWhatIsWrongWithAValueAndNothingAboutAGoodOne() {
        FlagDescriptor strict = FlagDescriptor.bool("GATEWAY_STRICT", false, "Refuse unknown routes.");
        FlagDescriptor timeout = FlagDescriptor.integer("GATEWAY_TIMEOUT", 30, "Seconds a request may take.");
        FlagDescriptor mode = FlagDescriptor.choice("GATEWAY_MODE", "fast", List.of("fast", "safe"), "How to route.");

        assertThat(strict.problem("On")).isEmpty();
        assertThat(strict.problem("maybe")).contains("is not a boolean; set it to true or false");
        assertThat(timeout.problem(" 45 ")).isEmpty();
        assertThat(timeout.problem("4.5")).contains("is not a whole number");
        assertThat(mode.problem("safe")).isEmpty();
        assertThat(mode.problem("slow")).contains("is not one of fast, safe");
        assertThat(FlagDescriptor.text("GATEWAY_NAME", "", "A name.").problem("anything at all")).isEmpty();
    }

    @Test
    void aFlagWhoseDefaultIsNotOfItsKindIsRefusedWhenDeclared() {
        assertThatThrownBy(() -> FlagDescriptor.choice("GATEWAY_MODE", "slow", List.of("fast", "safe"), "How to route."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flag GATEWAY_MODE: its default 'slow' is not one of fast, safe");
        assertThatThrownBy(() -> new FlagDescriptor("X", "1", "x", true, FlagKind.INTEGER, List.of()))
                .hasMessage("flag X: only a boolean flag can mean dry run");
    }
}
