package dev.verpath.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlagDescriptorTest {

    @Test
    void aFlagMadeAsInRulesApi100DoesNotMeanDryRun() {
        FlagDescriptor flag = new FlagDescriptor("GATEWAY_STRICT", "false", "Refuse unknown routes.");

        assertThat(flag.meansDryRun()).isFalse();
    }

    @Test
    void aDryRunFlagIsFalseByDefault() {
        FlagDescriptor flag = FlagDescriptor.dryRun("GATEWAY_DRY_RUN", "Rehearse the whole run.");

        assertThat(flag).isEqualTo(new FlagDescriptor("GATEWAY_DRY_RUN", "false", "Rehearse the whole run.", true));
    }
}
