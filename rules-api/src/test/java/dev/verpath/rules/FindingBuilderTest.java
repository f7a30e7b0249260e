package dev.verpath.rules;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingBuilderTest {

    private static final ValidationDescriptor TIMESTAMPS = ValidationDescriptor.of("gateway.2.0.0.timestamps", ValidationCategory.SCHEMA)
            .named("Every record has a timestamp", "Checks that every record of data/ has a timestamp.")
            .covers("gateway", ">=2.0.0").build();

    @Test
    void aDescriptorBuiltByNameIsAnErrorUnlessToldOtherwise() {
        assertThat(TIMESTAMPS).isEqualTo(new ValidationDescriptor("gateway.2.0.0.timestamps", "Every record has a timestamp",
                "Checks that every record of data/ has a timestamp.", "gateway", ">=2.0.0", ValidationCategory.SCHEMA,
                Severity.ERROR));
        assertThat(ValidationDescriptor.of("x", ValidationCategory.PERFORMANCE).named("X", "Checks x.").covers("p", "1.0.0")
                .severity(Severity.INFO).build().severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void aFindingBuiltByNameSpellsItsLocationTheWayMessagesReadIt() {
        Finding atLine = Finding.of(TIMESTAMPS).file("data/r.jsonl").line(2).problem("the record has no timestamp")
                .fix("Add one.");
        Finding atKey = Finding.of(TIMESTAMPS).file("config/gateway.toml").key("server.port").severity(Severity.WARNING)
                .problem("port is high").fix("Lower it.");
        Finding whole = Finding.of(TIMESTAMPS).problem("no data folder").fix("Create data/.");

        assertThat(atLine).isEqualTo(new Finding("gateway.2.0.0.timestamps", ValidationCategory.SCHEMA, Severity.ERROR,
                "data/r.jsonl", Optional.of("line 2"), "the record has no timestamp", "Add one."));
        assertThat(atKey.location()).contains("key server.port");
        assertThat(atKey.severity()).isEqualTo(Severity.WARNING);
        assertThat(whole.path()).isEmpty();
        assertThat(whole.location()).isEmpty();
    }

    @Test
    void aFindingWithoutAProblemIsABugOfTheRule() {
        assertThatThrownBy(() -> Finding.of(TIMESTAMPS).file("data/r.jsonl").fix("Add one."))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("finding of gateway.2.0.0.timestamps: say the problem before the fix");
    }
}
