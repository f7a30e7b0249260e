package dev.verpath.engine.execute;

import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.Mount;
import dev.verpath.engine.workspace.LiveTree;
import dev.verpath.engine.workspace.ShadowWorkspace;
import dev.verpath.rules.RuleReport;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** What a file rule's context writes and reads, in a real shadow workspace over a temp folder. */
class StepContextTest {

    @TempDir
    Path root;

    private StepContext context() throws IOException {
        ShadowWorkspace shadow = new ShadowWorkspace(LiveTree.scan(List.of(new Mount("", root)), Set.of()),
                root.resolve(".migrate/staging/1"), true, new HashCache());
        RuleReport report = new RuleReport() {
            @Override
            public void warn(String path, String message) {
            }

            @Override
            public void count(String counter, long delta) {
            }
        };
        return new StepContext(shadow, report, "toy", "1.0.0", "2.0.0", false, false, Map.of(),
                org.slf4j.LoggerFactory.getLogger("rule.toy"));
    }

    @Test
    void writeTomlMakesTheFileInTheEnginesLayoutAndReplacesOneThere() throws IOException {
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config/models.toml"), "old = true\n");
        StepContext context = context();

        context.writeToml("config/models.toml", new JsonObject(List.of(
                new JsonObject.Member("schema_version", JsonValue.of(1)),
                new JsonObject.Member("models", new JsonObject(List.of(new JsonObject.Member("a@1",
                        new JsonObject(List.of(new JsonObject.Member("vram_gb", new JsonNumber("12.0")))))))))));

        assertThat(context.workspace().readString("config/models.toml"))
                .isEqualTo("schema_version = 1\n\n[models.\"a@1\"]\nvram_gb = 12.0\n");
        assertThat(Files.readString(root.resolve("config/models.toml"))).as("the live file waits for the commit")
                .isEqualTo("old = true\n");
    }
}
