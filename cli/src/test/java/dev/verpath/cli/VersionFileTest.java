package dev.verpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A VERSION that is not a version, or names one no rule knows, is reported naming VERSION, by every command. */
class VersionFileTest {

    @TempDir
    Path root;

    @Test
    void aGarbledVersionIsNamedByStatusValidateAndVersion() throws Exception {
        DemoInstallation.write(root);
        Files.writeString(root.resolve("VERSION"), "banana\n");

        for (String[] args : new String[][] {{"status", "--path", root.toString()}, {"validate", "--path", root.toString()},
                {"version", "--path", root.toString()}, {"info", "--path", root.toString()}}) {
            CommandRun run = CommandRun.of(args);
            assertThat(run.exit()).as(args[0] + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).as(args[0]).contains(root.resolve("VERSION") + ":1: 'banana' is not a version")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void aVersionNewerThanEveryKnownOneIsNamedAsVersionsContent() throws Exception {
        DemoInstallation.write(root);
        Files.writeString(root.resolve("VERSION"), "9.9.9\n");

        CommandRun run = CommandRun.of("version", "--path", root.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(root.resolve("VERSION") + ":1: version 9.9.9 of serve is newer than every known version");
        assertThat(root.resolve(".migrate")).doesNotExist();
    }
}
