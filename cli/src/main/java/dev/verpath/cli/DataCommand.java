package dev.verpath.cli;

import dev.verpath.engine.model.Scope;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migrate data}: runs only the data rules, on one file or folder of records. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Migrate record files (one JSONL file or a folder of them): only data rules run, with the "
                + "same backup and rollback; VERSION does not advance.")
final class DataCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-path", required = true, paramLabel = "PATH", description = "A data file or folder.")
    private Path dataPath;

    @Mixin
    private VersionSpan versions;

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() {
        Invocation invocation = Invocation.of(spec);
        return MigrationRun.run(invocation, "data", run.metricsFile(), run.request(invocation, Scope.DATA, dataPath, versions.from(), versions.to(), false));
    }
}
