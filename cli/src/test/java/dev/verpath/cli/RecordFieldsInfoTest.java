package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code info} says which record fields each step's edits read and write. */
class RecordFieldsInfoTest {

    @Test
    void verboseInfoListsTheFieldsEachStepReadsAndWrites() {
        CommandRun run = CommandRun.of("info", "--verbose", "--from", "1.0.0", "--to", "2.0.0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("record fields the steps read and write:\n"
                + "  step 1 serve.2.0.0.data: reads ts, prompt_tokens, completion_tokens; writes ts, timestamp,"
                + " prompt_tokens, completion_tokens, usage, schema_version\n");
        assertThat(CommandRun.of("info", "--from", "1.0.0", "--to", "2.0.0").out()).doesNotContain("record fields");
    }

    @Test
    void theJsonPlanGivesEachRecordRulesReadsAndWrites() {
        JsonNode rule = CommandRun.of("--json", "info", "--from", "0.1.0", "--to", "1.0.0").json()
                .at("/plan/steps/0/rules/1");

        assertThat(rule.get("id").asText()).isEqualTo("serve.1.0.0.data");
        assertThat(rule.get("reads")).isEmpty();
        assertThat(rule.get("writes").toString()).isEqualTo("[\"schema_version\"]");
    }
}
