package dev.verpath.engine.failure;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ExcerptTest {

    @Test
    void keepsShortTextAsItIs() {
        assertThat(Excerpt.of("models/m1/w.safetensors")).isEqualTo("models/m1/w.safetensors");
    }

    @Test
    void cutsLongTextAtSixtyCharactersWithDots() {
        assertThat(Excerpt.of("1".repeat(300_000))).isEqualTo("1".repeat(60) + "...");
    }

    @Test
    void escapesControlCharacters() {
        assertThat(Excerpt.of("a\nb\tc\u001b\u007f\u2028")).isEqualTo("a\\nb\\tc\\u001b\\u007f\\u2028");
    }

    @Test
    void countsTheLimitOnTheInputNotOnTheEscapes() {
        assertThat(Excerpt.of("\n".repeat(61))).isEqualTo("\\n".repeat(60) + "...");
    }

    @Test
    void nullReadsAsNothing() {
        assertThat(Excerpt.of((String) null)).isEmpty();
    }
}
