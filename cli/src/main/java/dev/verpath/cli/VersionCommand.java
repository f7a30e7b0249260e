package dev.verpath.cli;

import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code migrate version}: migrates a whole installation, step by step, inside one backup. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Migrate a whole installation: config, data and model rules of every step, each step "
                + "validated before VERSION and the history advance, all inside one backup.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InstallationPath.Required installation;

    @Option(names = "--from", paramLabel = "V",
            description = "The source version (default: the recorded one: .migrate/ history, else VERSION).")
    private String from;

    @Option(names = "--to", paramLabel = "V",
            description = "The target version (default: the newest reachable without lossy steps).")
    private String to;

    @Option(names = "--into", paramLabel = "DEST",
            description = "Build the migrated installation in DEST (new or empty), beside the one at --path, which is"
                    + " never written: its files are hard-linked where DEST is on the same file system.")
    private Path into;

    @Option(names = "--switch", paramLabel = "LINK",
            description = "With --into: once DEST is built, point the symbolic link LINK (the one the server reads"
                    + " through) at it atomically, gated by [hooks] and [health]; switched back when unhealthy.")
    private Path link;

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() {
        Path path = installation.path();
        Invocation invocation = Invocation.of(spec);
        if (link != null && into == null) {
            throw new ParameterException(spec.commandLine(), "--switch LINK needs --into DEST: the link is switched to"
                    + " the installation --into builds");
        }
        RunRequest request = run.request(invocation, Scope.VERSION, path, from, to, false);
        return MigrationRun.run(invocation, "version", run.metricsFile(), into == null ? request
                : request.into(into, java.util.Optional.ofNullable(link)));
    }
}
