package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wan plugin's known risk of its edge (a model named in config.json whose folder is missing), through the real
 * launcher with the distribution's plugins: it blocks the edge for that installation only, info and graph say which
 * risk and why, the run is refused naming --accept-risk, and an accepted risk is taken and recorded in the history.
 */
class EdgeRiskIT {

    @TempDir
    Path work;

    private Path root;

    @BeforeEach
    void install() throws IOException {
        root = Files.createDirectories(work.resolve("wan"));
        DemoPluginTour.write(root);
    }

    private void nameAMissingModel() throws IOException {
        Path config = root.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"t2v_model\": \"t2v-A14B\"",
                "\"t2v_model\": \"t2v-A14B\", \"i2v_model\": \"i2v-A14B\""));
    }

    @Test
    void anInstallationTheRiskDoesNotApplyToPlansAsBefore() {
        CommandRun info = Launcher.run(work, "--json", "info", "--path", root.toString());

        assertThat(info.exit()).as(info.err()).isZero();
        JsonSchemas.assertConforms(info, "info");
        JsonNode risk = info.json().at("/plan/risks/results/0");
        assertThat(risk.path("name").asText()).isEqualTo("wan-legacy-model-missing");
        assertThat(risk.path("outcome").asText()).isEqualTo("clear");
        assertThat(risk.path("origin").asText()).contains("wan-orchestrator");
        assertThat(info.json().at("/plan/to").asText()).isEqualTo("2.0.0");
    }

    @Test
    void aRiskThatAppliesRefusesTheRunNamingItAndChangesNothing() throws IOException {
        nameAMissingModel();
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun info = Launcher.run(work, "info", "--path", root.toString());
        CommandRun run = Launcher.run(work, "version", "--path", root.toString());
        CommandRun graph = Launcher.run(work, "graph", "--path", root.toString());

        assertThat(info.exit()).isEqualTo(2);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).last().asString()
                .contains("wan 1.0.0 -> 2.0.0: every path takes an edge blocked for this installation: 1.0.0 -> 2.0.0 by"
                        + " risk wan-legacy-model-missing (config.json names a model whose folder under models/ is missing")
                .endsWith("accept it with --accept-risk wan-legacy-model-missing");
        assertThat(TreeSignature.of(root)).isEqualTo(before);
        assertThat(root.resolve(".migrate")).doesNotExist();
        assertThat(graph.exit()).as(graph.err()).isZero();
        assertThat(graph.out()).contains("wan-legacy-model-missing: applies to this installation: the edge is not taken");
    }

    @Test
    void anAcceptedRiskIsTakenAndTheHistorySaysWhoAcceptedIt() throws IOException {
        nameAMissingModel();

        CommandRun info = Launcher.run(work, "--json", "info", "--path", root.toString(), "--accept-risk",
                "wan-legacy-model-missing");
        CommandRun run = Launcher.run(work, "version", "--path", root.toString(), "--accept-risk",
                "wan-legacy-model-missing");

        assertThat(info.exit()).as(info.err()).isZero();
        JsonSchemas.assertConforms(info, "info");
        assertThat(info.json().at("/plan/risks/results/0/outcome").asText()).isEqualTo("accepted");
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> history = Files.readAllLines(root.resolve(".migrate/history.jsonl"));
        JsonNode step = new ObjectMapper().readTree(history.get(history.size() - 1));
        assertThat(step.path("accepted_risks").get(0).path("name").asText()).isEqualTo("wan-legacy-model-missing");
        assertThat(step.path("accepted_risks").get(0).path("by").asText()).isEqualTo(System.getProperty("user.name"));
        assertThat(step.path("started").asText()).isNotEmpty();
    }

    @Test
    void aRiskNameThatIsNotANameIsRefusedAsAUsageError() {
        CommandRun info = Launcher.run(work, "info", "--path", root.toString(), "--accept-risk", "Not A Name");

        assertThat(info.exit()).isEqualTo(2);
        assertThat(info.errLines()).last().asString().contains("risk names separated by commas");
    }
}
