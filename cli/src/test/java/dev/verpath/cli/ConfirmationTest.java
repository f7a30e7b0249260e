package dev.verpath.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Destructive commands ask first, naming what they would destroy; where nobody can answer (no terminal, as
 * under a script or an orchestrator, and as in these tests) they refuse with exit 2 unless {@code --yes}.
 */
class ConfirmationTest {

    @TempDir
    Path root;

    private String migrate(String to) {
        CommandRun run = CommandRun.of("--json", "version", "--path", root.toString(), "--to", to);
        assertThat(run.exit()).as(run.err()).isZero();
        return run.json().path("backupId").asText();
    }

    @Test
    void rollbackWithoutATerminalOrYesIsRefusedNamingTheBackup() throws Exception {
        DemoInstallation.write(root);
        String id = migrate("1.0.0");

        CommandRun run = CommandRun.of("rollback", "--path", root.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("Restore backup " + id + " (taken ").contains("before serve 0.1.0 -> 1.0.0;"
                + " the installation returns to 0.1.0) over " + root).contains("pass --yes to go ahead");
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("1.0.0\n");
        CommandRun json = CommandRun.of("--json", "rollback", "--path", root.toString());
        assertThat(json.exit()).isEqualTo(2);

        CommandRun yes = CommandRun.of("rollback", "--path", root.toString(), "--yes");
        assertThat(yes.exit()).as(yes.err()).isZero();
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("0.1.0\n");
    }

    @Test
    void pruneWithoutATerminalOrYesIsRefusedNamingWhatItWouldDelete() throws Exception {
        DemoInstallation.write(root);
        String oldest = migrate("1.0.0");
        migrate("2.0.0");
        Path settings = root.resolveSibling(root.getFileName() + "-keep1.toml");
        Files.writeString(settings, "[backup]\nkeep_last = 1\n");

        CommandRun run = CommandRun.of("--migration-config", settings.toString(), "backups", "prune", "--path", root.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("Delete backup " + oldest + " (serve 0.1.0 -> 1.0.0) of " + root + ", keeping the newest 1")
                .contains("pass --yes");
        assertThat(CommandRun.of("--json", "backups", "list", "--path", root.toString()).json().path("backups").size()).isEqualTo(2);
    }
}
