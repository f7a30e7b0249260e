package dev.verpath.builtin;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.testkit.Fixtures;
import dev.verpath.testkit.InstallationTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The serve validations read no record file, so a serve migration keeps every record step in one streaming pass
 * (what bench/pipeline.sh measures), while each record is still checked at every version it passes: also the records
 * of a shape whose checks passed before with other answers (the fused plan remembers a passing check's answers).
 */
class ServeRecordPassTest {

    @TempDir
    Path root;

    @Test
    void aServeMigrationStreamsEveryRecordStepInOnePass() {
        InstallationTrees.copy(Fixtures.named(Fixtures.inTestResources(""), "path-0.1.0-to-2.1.0/spec-example").before(), root);
        List<String> progress = new ArrayList<>();

        MigrationEngine.create(RuleRegistry.ofBuiltIns(new ServeRuleSet()), EngineSettings.defaults())
                .migrate(new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(), Optional.of("2.1.0"),
                        false, false, false, false), progress::add);

        assertThat(progress).contains("streaming records through 3 step(s) in one pass")
                .noneMatch(line -> line.startsWith("streaming records through 1 step(s)"));
    }

    @Test
    void aRecordOfAKnownShapeThatBreaksAVersionsShapeFailsItsStepByItsLine() throws IOException {
        InstallationTrees.copy(Fixtures.named(Fixtures.inTestResources(""), "path-0.1.0-to-2.1.0/spec-example").before(), root);
        StringBuilder records = new StringBuilder();
        for (int i = 1; i <= 62; i++) {
            String ts = i == 61 ? "null" : i == 62 ? "\"yesterday\"" : Integer.toString(1_700_000_000 + i);
            records.append("{\"id\":\"req-").append(i).append("\",\"model\":\"llama-7b\",\"ts\":").append(ts)
                    .append(",\"latency_ms\":250,\"prompt_tokens\":12,\"completion_tokens\":30,\"client_ip\":\"10.1.2.3\",")
                    .append("\"api_key\":\"sk-").append(i).append("\"}\n");
        }
        Files.writeString(root.resolve("data/requests.jsonl"), records);

        // line 61 (ts null) passes every check; line 62 fails the 1.0.0 schema before its ts is converted
        assertThatThrownBy(() -> MigrationEngine.create(RuleRegistry.ofBuiltIns(new ServeRuleSet()), EngineSettings.defaults())
                .migrate(new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(), Optional.of("2.1.0"),
                        false, false, false, false), line -> { }))
                .hasMessageContaining("data/requests.jsonl:62: record does not match 1.0.0 (serve.1.0.0.data-schema): field ts is not a number");
    }
}
