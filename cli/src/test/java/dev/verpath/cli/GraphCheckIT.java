package dev.verpath.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code migrate graph --check} on the shipped graph (built-ins and the distribution's plugins): clean, exit 0. */
class GraphCheckIT {

    @TempDir
    Path work;

    @Test
    void theShippedGraphHasNoFinding() {
        CommandRun text = Launcher.run(work, "graph", "--check");
        CommandRun json = Launcher.run(work, "--json", "graph", "--check");

        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("check: 0 error(s), 0 warning(s)");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonSchemas.assertConforms(json, "graph");
        assertThat(json.json().path("findings").isArray()).isTrue();
        assertThat(json.json().path("findings")).isEmpty();
        assertThat(json.json().path("products").has("wan")).as("the plugins' products are checked too").isTrue();
    }
}
