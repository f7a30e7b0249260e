package dev.verpath.cli;

import dev.verpath.engine.model.Scope;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migrate models}: runs only the model rules, on one models folder. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Migrate a models folder: only model rules run, with the same backup and rollback; "
                + "VERSION does not advance. Weight files are never opened for writing.")
final class ModelsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--models-path", required = true, paramLabel = "DIR", description = "The models folder.")
    private Path modelsPath;

    @Mixin
    private VersionSpan versions;

    @Option(names = "--optimize",
            description = "Replace identical weight files (same size and SHA-256) by hard links; report the bytes saved.")
    private boolean optimize;

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() {
        Invocation invocation = Invocation.of(spec);
        return MigrationRun.run(invocation, "models", run.metricsFile(),
                run.request(invocation, Scope.MODELS, modelsPath, versions.from(), versions.to(), optimize));
    }
}
