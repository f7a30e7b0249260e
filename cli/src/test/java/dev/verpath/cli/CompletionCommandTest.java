package dev.verpath.cli;

import dev.verpath.testsupport.HostProgram;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class CompletionCommandTest {

    @Test
    void bashScriptCompletesCommandsAndOptionsInARealBash(@TempDir Path dir) throws Exception {
        CommandRun run = CommandRun.of("completion", "bash");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        Path script = Files.writeString(dir.resolve("migrate.bash"), run.out());

        assertThat(complete(script, "bash", "migrate back")).containsExactly("backups");
        assertThat(complete(script, "bash", "migrate info --migration-c")).containsExactly("--migration-config");
        assertThat(complete(script, "bash", "migrate compl")).containsExactly("completion");
    }

    @Test
    void zshScriptLoadsThroughBashCompletionInARealZsh(@TempDir Path dir) throws Exception {
        CommandRun run = CommandRun.of("completion", "zsh");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("bashcompinit", "complete -F _complete_migrate");
        HostProgram.require("running the script in a zsh", "zsh", "--version");
        Path script = Files.writeString(dir.resolve("migrate.zsh"), run.out());

        assertThat(complete(script, "zsh", "migrate back")).containsExactly("backups");
    }

    @Test
    void anUnknownShellIsAUsageError() {
        CommandRun run = CommandRun.of("completion", "fish");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("migrate: Invalid value for positional parameter at index 0 (SHELL): "
                + "expected one of [BASH, ZSH] (case-insensitive) but was 'fish'");
    }

    @Test
    void jsonCarriesTheScriptInOneDocument() {
        CommandRun run = CommandRun.of("completion", "bash", "--json");

        assertThat(run.exit()).isZero();
        assertThat(run.json().get("shell").asText()).isEqualTo("bash");
        assertThat(run.json().get("script").asText()).contains("complete -F _complete_migrate");
    }

    /** Sources the script in the shell and asks its completion function for the words of a partial line. */
    private static List<String> complete(Path script, String shell, String line) throws Exception {
        String words = line.endsWith(" ") ? line + "''" : line;
        String program = "source " + script + "\nCOMP_WORDS=(" + words + ")\nCOMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + (shell.equals("zsh") ? "COMP_CWORD=$(( COMP_CWORD + 1 ))\n" : "")
                + "COMP_LINE='" + line + "'\nCOMP_POINT=${#COMP_LINE}\n_complete_migrate\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process process = new ProcessBuilder(shell, "-c", program).directory(script.getParent().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start(); // compopt complains outside a real TAB
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
