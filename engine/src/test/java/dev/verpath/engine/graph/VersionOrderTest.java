package dev.verpath.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.zafarkhaja.semver.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Versions sorted through packed numbers come out in java-semver's precedence order, pre-releases and builds of one
 * release included, and numbers too large to pack too.
 */
class VersionOrderTest {

    @Test
    void sortsAsSemverPrecedence() {
        for (int seed = 0; seed < 100; seed++) {
            Random random = new Random(seed);
            List<RuleTexts.Parsed> versions = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            boolean huge = seed % 10 == 0;
            while (versions.size() < 60) {
                String text = random.nextInt(4) + "." + (huge && random.nextInt(8) == 0 ? "4000000000" : random.nextInt(5)) + "."
                        + random.nextInt(3) + List.of("", "", "-rc.1", "-rc.2", "-alpha", "+build.7").get(random.nextInt(6));
                if (!seen.contains(text)) {
                    seen.add(text);
                    versions.add(new RuleTexts.Parsed(text, Version.parse(text), versions.size()));
                }
            }
            List<Version> expected = versions.stream().map(RuleTexts.Parsed::version).sorted(Version.BUILD_AWARE_ORDER).toList();

            int[] order = VersionOrder.sorted(versions);

            assertThat(Arrays.stream(order).mapToObj(i -> versions.get(i).version()).toList()).as("seed %d", seed)
                    .isEqualTo(expected);
        }
    }

    @Test
    void keyOrderKeepsEqualKeysInTheirOrder() {
        assertThat(KeyOrder.of(new long[] {5, 1, 5, 0, 1})).containsExactly(3, 1, 4, 0, 2);
        assertThat(KeyOrder.of(new long[] {Long.MAX_VALUE - 1, 1, Long.MAX_VALUE - 1})).containsExactly(1, 0, 2);
        assertThat(KeyOrder.of(new long[0])).isEmpty();
    }
}
