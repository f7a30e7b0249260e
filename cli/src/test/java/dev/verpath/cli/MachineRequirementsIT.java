package dev.verpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a product needs of the machine, through the real launcher with the distribution's plugins: the
 * model-availability plugin declares the 8 GB of memory its guide asks for, and info shows it with what this machine
 * has, in text and in JSON that conforms to the schema.
 */
class MachineRequirementsIT {

    @TempDir
    Path work;

    @Test
    void infoShowsWhatTheProductNeedsAndWhatThisMachineHas() {
        CommandRun json = Launcher.run(work, "--json", "info", "--product", "model-availability", "--from", "1.0.0",
                "--to", "2.0.0");
        CommandRun text = Launcher.run(work, "info", "--product", "model-availability", "--from", "1.0.0", "--to", "2.0.0");

        assertThat(json.exit()).as(json.err()).isZero();
        JsonSchemas.assertConforms(json, "info");
        JsonNode need = json.json().path("requirements").path(0);
        assertThat(need.path("kind").asText()).isEqualTo("memory");
        assertThat(need.path("amount").asLong()).isEqualTo(8_000_000_000L);
        assertThat(need.path("origin").asText()).contains("model-availability");
        assertThat(need.path("status").asText()).isIn("met", "not-met", "unknown");
        assertThat(text.out()).contains("what model-availability needs of this machine (a run is refused when one is not"
                + " met):\n  memory 7.5 GiB (the enhanced system needs at least 8 GB of memory");
    }
}
