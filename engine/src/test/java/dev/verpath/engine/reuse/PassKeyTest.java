package dev.verpath.engine.reuse;

import dev.verpath.engine.records.RecordPipeline;
import dev.verpath.engine.records.RecordRun;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The key of a record pass changes with anything that decides its output, and with the code that runs it. */
class PassKeyTest {

    private static Optional<String> key(LedgerRules rules, Map<String, String> flags, Optional<String> code) {
        List<RecordPipeline.Stage> stages = List.of(new RecordPipeline.Stage("1.0.0", "2.0.0",
                List.of(new LedgerRules.Convert(rules.ruleVersion(), rules.mark())), List.of()));
        return PassKey.of(stages, Optional.empty(), new RecordRun("ledger", flags, false), List.of(LedgerRules.class),
                classes -> code);
    }

    @Test
    void theSameRulesFlagsAndCodeGiveTheSameKey() {
        assertThat(key(LedgerRules.first(), Map.of("x", "1"), Optional.of("c0de")))
                .isEqualTo(key(LedgerRules.first(), Map.of("x", "1"), Optional.of("c0de"))).isPresent();
    }

    @Test
    void changedCodeAChangedRuleOrAnotherFlagGiveAnotherKey() {
        Optional<String> key = key(LedgerRules.first(), Map.of("x", "1"), Optional.of("c0de"));

        assertThat(key(LedgerRules.first(), Map.of("x", "1"), Optional.of("c0de2"))).isNotEqualTo(key);
        assertThat(key(new LedgerRules("2", "2.0.0"), Map.of("x", "1"), Optional.of("c0de"))).isNotEqualTo(key);
        assertThat(key(LedgerRules.first(), Map.of("x", "2"), Optional.of("c0de"))).isNotEqualTo(key);
    }

    @Test
    void codeThatCannotBeReadKeepsNothing() {
        assertThat(key(LedgerRules.first(), Map.of(), Optional.empty())).isEmpty();
    }
}
