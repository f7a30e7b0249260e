package dev.verpath.rules;

import dev.verpath.rules.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeclaredRuleSetTest {

    static final class GatewayRules extends DeclaredRuleSet {
        static final Product GATEWAY = new Product("gateway", "The API gateway.", "config/gateway.toml", "data", "models");
        static final FlagDescriptor STRICT = new FlagDescriptor("GATEWAY_STRICT", "false", "Refuse unknown routes.");
        static final RecordEdits RENAME = new RecordEdits(RuleDescriptor.of("gateway.2.0.0.data", RuleKind.DATA)
                .named("Rename the time", "Renames ts to timestamp.").edge("gateway", "1.0.0", "2.0.0")
                .paths("data/**/*.jsonl").build(), List.of(RecordEdit.rename("ts", "timestamp")));
        static final TomlEdits TIMEOUT = new TomlEdits(RuleDescriptor.of("gateway.2.0.0.config", RuleKind.CONFIG)
                .named("Set the timeout", "Sets timeout_ms.").edge("gateway", "1.0.0", "2.0.0")
                .paths("config/gateway.toml").build(), "config/gateway.toml",
                List.of(TomlEdit.setIfAbsent("timeout_ms", JsonValue.of(500))));

        GatewayRules() {
            super(DeclaredRuleSet.of("gateway-rules").products(GATEWAY).rules(RENAME, TIMEOUT).flags(STRICT));
        }
    }

    @Test
    void aDeclaredSetAnswersWhatItWasGivenAndNothingElse() {
        RuleSet set = new GatewayRules();

        assertThat(set.id()).isEqualTo("gateway-rules");
        assertThat(set.products()).containsExactly(GatewayRules.GATEWAY);
        assertThat(set.rules()).containsExactly(GatewayRules.RENAME, GatewayRules.TIMEOUT);
        assertThat(set.validations()).isEmpty();
        assertThat(set.recordChecks()).isEmpty();
        assertThat(set.flags()).containsExactly(GatewayRules.STRICT);
    }

    @Test
    void aSetWithoutAnIdIsRefused() {
        assertThatThrownBy(() -> DeclaredRuleSet.of(" ")).hasMessage("a rule set needs an id");
    }
}
