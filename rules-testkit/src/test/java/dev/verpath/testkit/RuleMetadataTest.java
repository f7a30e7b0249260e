package dev.verpath.testkit;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleMetadataTest {

    @Test
    void acceptsCapitalisedNamesAndFullSentences() {
        assertThat(RuleMetadata.problems(new ToyRules("Upgrade the config", "Appends a line, e.g. version 2. Keeps the rest."))).isEmpty();
    }

    @Test
    void acceptsASentenceThatStartsWithAFileNameOrAnIdentifier() {
        assertThat(RuleMetadata.problems(new ToyRules("Upgrade", "Writes the manifest. config.json is kept. max_batch stays. "
                + "models/ is left. `app.conf` too."))).isEmpty();
        assertThat(RuleMetadata.problems(new ToyRules("Upgrade", "Writes it. done. ok, fine.")))
                .containsExactly("rule toy.config: the sentence 'done.' of its description must start with a capital letter",
                        "rule toy.config: the sentence 'ok, fine.' of its description must start with a capital letter");
    }

    @Test
    void refusesALowerCaseDisplayNameEndingInAPeriod() {
        assertThat(RuleMetadata.problems(new ToyRules("upgrade the config.", "Appends a line.")))
                .containsExactly("rule toy.config: the display name 'upgrade the config.' must start with a capital letter",
                        "rule toy.config: the display name 'upgrade the config.' must not end with a period");
    }

    @Test
    void refusesADescriptionThatIsNotFullSentences() {
        assertThat(RuleMetadata.problems(new ToyRules("Upgrade", "appends a line. then stops")))
                .containsExactly("rule toy.config: the description must end a sentence with '.', '!' or '?'",
                        "rule toy.config: the sentence 'appends a line.' of its description must start with a capital letter",
                        "rule toy.config: the sentence 'then stops' of its description must start with a capital letter");
    }

    @Test
    void theAssertionListsEveryProblem() {
        assertThatThrownBy(() -> RuleMetadata.assertWellDescribed(new ToyRules("upgrade", "appends.")))
                .hasMessage("2 rule metadata problem(s):\n"
                        + "  rule toy.config: the display name 'upgrade' must start with a capital letter\n"
                        + "  rule toy.config: the sentence 'appends.' of its description must start with a capital letter");
    }
}
