package dev.verpath.cli;

import dev.verpath.testsupport.HostProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class ReleaseFilesTest {

    @Test
    void writesAManPageForEveryCommandAndBothCompletionScripts(@TempDir Path dir) throws Exception {
        ReleaseFiles.main(new String[] {dir.toString()});

        try (Stream<Path> pages = Files.list(dir.resolve("man/man1"))) {
            assertThat(pages.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "migrate-backups-create.1", "migrate-backups-list.1", "migrate-backups-prune.1", "migrate-backups-pull.1", "migrate-backups-push.1",
                    "migrate-backups-verify.1", "migrate-backups.1",
                    "migrate-completion.1", "migrate-config.1", "migrate-data.1", "migrate-demo.1", "migrate-graph.1",
                    "migrate-info.1", "migrate-models.1", "migrate-plugins-list.1", "migrate-plugins.1",
                    "migrate-releases-list.1", "migrate-releases-prune.1", "migrate-releases.1", "migrate-rollback.1",
                    "migrate-status.1", "migrate-validate.1", "migrate-version.1", "migrate.1");
        }
        assertThat(Files.readString(dir.resolve("completion/migrate.bash"))).isEqualTo(
                CompletionCommand.script(CompletionCommand.Shell.BASH));
        assertThat(Files.readString(dir.resolve("completion/migrate.zsh"))).isEqualTo(
                CompletionCommand.script(CompletionCommand.Shell.ZSH));
    }

    @Test
    void aManPageRendersWithoutWarningsAndNamesItsOptionsAndExitCodes(@TempDir Path dir) throws Exception {
        ReleaseFiles.main(new String[] {dir.toString()});
        Path page = dir.resolve("man/man1/migrate-info.1");
        assertThat(Files.readString(page)).startsWith(".TH \"MIGRATE\\-INFO\" \"1\"");

        HostProgram.require("checking the man page with groff", "groff", "--version");
        HostProgram lint = HostProgram.run("groff", "-man", "-Tutf8", "-ww", "-z", page.toString());
        assertThat(lint.exit()).as(lint.output()).isZero();
        assertThat(lint.output()).isEmpty();
        HostProgram shown = HostProgram.run("sh", "-c", "MANWIDTH=200 man -l " + page + " | col -b");
        List<String> lines = shown.output().lines().map(String::strip).toList();

        assertThat(lines).contains("NAME", "migrate-info - Print the plan", "SYNOPSIS", "OPTIONS", "EXIT STATUS", "SEE ALSO");
        assertThat(shown.output()).contains("--from=V", "--migration-config=FILE", "migrate(1)",
                "an interrupted migration must be recovered first (migrate rollback, or re-run migrate version)");
    }
}
