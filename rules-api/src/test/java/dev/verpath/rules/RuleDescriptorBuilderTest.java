package dev.verpath.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleDescriptorBuilderTest {

    @Test
    void aBuiltDescriptorIsTheOneTheRecordWouldMakeWithTheDefaultsFilledIn() {
        RuleDescriptor built = RuleDescriptor.of("gw.2.0.0.data", RuleKind.DATA)
                .named("Rename client fields", "Renames client_addr to client.ip.")
                .edge("gateway", ">=1.0.0 <2.0.0", "2.0.0")
                .paths("data/**/*.jsonl")
                .build();

        assertThat(built).isEqualTo(new RuleDescriptor("gw.2.0.0.data", "Rename client fields",
                "Renames client_addr to client.ip.", "gateway", ">=1.0.0 <2.0.0", "2.0.0", RuleKind.DATA, List.of(), false,
                "1", List.of("data/**/*.jsonl")));
        assertThat(RuleDescriptor.of("x", RuleKind.CONFIG).named("X", "X.").edge("p", "1.0.0", "2.0.0").paths("a")
                .breakingChanges("port moved").lossy().version("3").build())
                .satisfies(d -> {
                    assertThat(d.breakingChanges()).containsExactly("port moved");
                    assertThat(d.lossy()).isTrue();
                    assertThat(d.version()).isEqualTo("3");
                });
    }

    @Test
    void aMissingPartIsNamed() {
        assertThatThrownBy(() -> RuleDescriptor.of("x", RuleKind.DATA).named("X", "X.").paths("a").build())
                .hasMessageContaining("product");
    }
}
