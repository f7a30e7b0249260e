package dev.verpath.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code migrate plugins}: the group of {@code list}. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "Show the loaded rule plugins.",
        subcommands = PluginsListCommand.class)
final class PluginsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command after 'migrate plugins': give list");
    }
}
