package dev.verpath.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code migrate backups}: the group of {@code list}, {@code verify} and {@code prune}. */
@Command(name = "backups", mixinStandardHelpOptions = true,
        description = "List, verify or prune an installation's backups.",
        subcommands = {BackupsListCommand.class, BackupsVerifyCommand.class, BackupsPruneCommand.class})
final class BackupsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command after 'migrate backups': give list, verify or prune");
    }
}
