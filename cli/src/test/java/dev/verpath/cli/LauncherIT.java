package dev.verpath.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class LauncherIT {

    @Test
    void runsFromAnyFolderThroughASymlink(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("migrate"), Launcher.script());

        CommandRun run = Launcher.runScript(link, dir, "--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).matches("migrate \\S+ \\(rules API \\S+\\)\\R");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void versionAloneIsAnsweredBeforeTheCommandModelWithTheSameLine(@TempDir Path dir) {
        CommandRun alone = Launcher.run(dir, "--version");
        CommandRun shortName = Launcher.run(dir, "-V");
        CommandRun throughPicocli = Launcher.run(dir, "status", "--version");

        assertThat(alone.exit()).isZero();
        assertThat(alone.out()).isEqualTo(throughPicocli.out()).isEqualTo(shortName.out());
        assertThat(alone.err()).isEmpty();
    }

    @Test
    void anUnknownOptionExitsTwoWithOneLineOnStderr(@TempDir Path dir) {
        CommandRun run = Launcher.run(dir, "status", "--path", ".", "--frobnicate");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).last().isEqualTo("migrate: Unknown option: '--frobnicate'; try 'migrate status --help'");
    }

    @Test
    void helpDocumentsTheExitCodes(@TempDir Path dir) {
        CommandRun run = Launcher.run(dir, "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Exit codes:", "  3   another migration holds the installation's lock",
                "  5   the backup failed verification");
    }

    @Test
    void jsonPrintsOneDocumentOnStdout(@TempDir Path dir) {
        CommandRun run = Launcher.run(dir, "plugins", "list", "--json");

        assertThat(run.exit()).isZero();
        assertThat(run.json().get("plugins").isArray()).isTrue();
    }
}
