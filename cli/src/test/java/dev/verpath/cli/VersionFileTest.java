package dev.verpath.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** A VERSION that is not a version, or names one no rule knows, is reported naming VERSION, by every command. */
class VersionFileTest {

    @TempDir
    Path root;

    @Test
    void aGarbledVersionIsNamedByStatusValidateAndVersion() throws Exception {
        DemoInstallation.write(root);
        Files.writeString(root.resolve("VERSION"), "banana\n");

        for (String[] args : new String[][] {{"status", "--path", root.toString()},
                {"version", "--path", root.toString()}, {"info", "--path", root.toString()}}) {
            CommandRun run = CommandRun.of(args);
            assertThat(run.exit()).as(args[0] + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).as(args[0]).contains(root.resolve("VERSION") + ":1: 'banana' is not a version")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void validateReportsAGarbledVersionAsAFindingOnVersion() throws Exception {
        DemoInstallation.write(root);
        Files.writeString(root.resolve("VERSION"), "banana\n");

        CommandRun run = CommandRun.of("validate", "--path", root.toString());
        CommandRun json = CommandRun.of("validate", "--path", root.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("  error   VERSION:1: 'banana' is not a version (expected one like 2.1.0)\n"
                + "          fix: Write the installation's version there. (engine.schema.version-file)");
        assertThat(ServeFixture.findings(json.json())).contains("schema error engine.schema.version-file VERSION");
    }

    @Test
    void validateChecksTheRestAtTheHistorysVersionWhenVersionIsGarbled() throws Exception {
        DemoInstallation.write(root);
        assertThat(CommandRun.of("version", "--path", root.toString(), "--to", "1.0.0", "--quiet").exit()).isZero();
        Files.writeString(root.resolve("VERSION"), "banana\n");

        CommandRun run = CommandRun.of("validate", "--path", root.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("validate serve 1.0.0: 2 errors").contains("engine.schema.version-file", "serve.1.0.0.version-file");
    }

    @Test
    void aVersionNewerThanEveryKnownOneIsNamedAsVersionsContent() throws Exception {
        DemoInstallation.write(root);
        Files.writeString(root.resolve("VERSION"), "9.9.9\n");

        CommandRun run = CommandRun.of("version", "--path", root.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(root.resolve("VERSION") + ":1: version 9.9.9 of serve is newer than every known version");
        assertThat(root.resolve(".migrate")).doesNotExist();
    }
}
