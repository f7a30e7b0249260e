package dev.verpath.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code migrate releases}: the group of {@code list} and {@code prune}, for releases side by side behind a link. */
@Command(name = "releases", mixinStandardHelpOptions = true,
        description = "List or prune the releases behind a symbolic link (built by 'version --into DEST --switch LINK').",
        subcommands = {ReleasesListCommand.class, ReleasesPruneCommand.class})
final class ReleasesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command after 'migrate releases': give list or prune");
    }
}
