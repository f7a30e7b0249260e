package dev.verpath.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code migrate backups}: the group of {@code list}, {@code create}, {@code verify}, {@code prune}, {@code push} and
 * {@code pull}.
 */
@Command(name = "backups", mixinStandardHelpOptions = true,
        description = "List, create, verify, prune, push or pull an installation's backups.",
        subcommands = {BackupsListCommand.class, BackupsCreateCommand.class, BackupsVerifyCommand.class, BackupsPruneCommand.class,
                BackupsPushCommand.class, BackupsPullCommand.class})
final class BackupsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command after 'migrate backups': give list, create, verify, prune,"
                + " push or pull");
    }
}
