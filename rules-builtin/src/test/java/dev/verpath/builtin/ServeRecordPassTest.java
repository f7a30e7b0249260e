package dev.verpath.builtin;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.testkit.Fixtures;
import dev.verpath.testkit.InstallationTrees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The serve validations read no record file, so a serve migration keeps every record step in one streaming pass
 * (what bench/pipeline.sh measures), while each record is still checked at every version it passes.
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
}
