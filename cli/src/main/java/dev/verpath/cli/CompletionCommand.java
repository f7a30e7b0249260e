package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code migrate completion bash|zsh}: prints the shell completion script that picocli's {@link AutoComplete}
 * generates from the command model, so it always knows every command and option of this build. One script
 * serves both shells: in zsh it loads through {@code bashcompinit}.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print the shell completion script: add 'source <(migrate completion bash)' to ~/.bashrc, "
                + "or 'source <(migrate completion zsh)' to ~/.zshrc.")
final class CompletionCommand implements Callable<Integer> {

    /** The shells a script is printed for. */
    enum Shell { BASH, ZSH }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    private Shell shell;

    @Override
    public Integer call() {
        Output output = Invocation.of(spec).output();
        String name = shell.name().toLowerCase(Locale.ROOT);
        String text = script(shell);
        output.text(text);
        ObjectNode document = Output.object();
        document.put("command", "completion");
        document.put("shell", name);
        document.put("script", text);
        output.document(document);
        return ExitStatus.SUCCESS.code();
    }

    /**
     * The completion script for a shell, generated from a fresh command line (so it holds every command).
     *
     * @param shell the shell
     * @return the script, ending with a newline
     */
    static String script(Shell shell) {
        String bash = AutoComplete.bash("migrate", MigrateCommand.commandLine(new MigrateCommand(java.util.Map.of())));
        String script = shell == Shell.ZSH
                ? "# migrate completion for zsh: picocli's script, loaded through bashcompinit (it runs compinit and\n"
                        + "# bashcompinit itself when they are not loaded yet). Add to ~/.zshrc:\n"
                        + "#   source <(migrate completion zsh)\n" + bash.replaceFirst("^#!/usr/bin/env bash\n", "")
                : bash;
        return script.endsWith("\n") ? script : script + "\n";
    }
}
