package dev.verpath.cli;

import dev.verpath.engine.model.Scope;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migrate config}: runs only the config rules, on one file. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Migrate one configuration file: only config rules run, with the same backup and "
                + "rollback; VERSION does not advance.")
final class ConfigCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The configuration file.")
    private Path config;

    @Mixin
    private VersionSpan versions;

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() {
        Invocation invocation = Invocation.of(spec);
        return MigrationRun.run(invocation, "config", run.metricsFile(), run.request(invocation, Scope.CONFIG, config, versions.from(), versions.to(), false));
    }
}
