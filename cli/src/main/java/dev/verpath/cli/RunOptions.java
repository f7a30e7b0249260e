package dev.verpath.cli;

import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options {@code version}, {@code config}, {@code data} and {@code models} share. */
final class RunOptions {

    @Option(names = "--product", paramLabel = "P",
            description = "The product (default: the one the installation names, else serve).")
    private String product;

    @Option(names = "--dry-run",
            description = "Write nothing anywhere (not even .migrate/); print what would change, with diffs.")
    private boolean dryRun;

    @Option(names = "--allow-lossy",
            description = "Allow steps that cannot keep every piece of information.")
    private boolean allowLossy;

    @Option(names = "--metrics-file", paramLabel = "FILE",
            description = "When the command ends, also write its metrics (Prometheus text format, replaced atomically)"
                    + " to FILE, e.g. a .prom file in node_exporter's textfile folder.")
    private Path metricsFile;

    @Option(names = "--no-backup",
            description = "Take no backup first (a failed step can then not be rolled back).")
    private boolean noBackup;

    /** @return the {@code --metrics-file}, when given */
    Optional<Path> metricsFile() {
        return Optional.ofNullable(metricsFile);
    }

    /**
     * The request these options describe.
     *
     * @param invocation the running command
     * @param scope      which rules run
     * @param target     the path they run on
     * @param from       the source version, when given
     * @param to         the target version, when given
     * @param optimize   {@code --optimize} of {@code models}
     * @return the request
     */
    RunRequest request(Invocation invocation, Scope scope, Path target, String from, String to, boolean optimize) {
        return new RunRequest(scope, target, Optional.ofNullable(product), Optional.ofNullable(from),
                Optional.ofNullable(to), dryRun, allowLossy, !noBackup, optimize);
    }
}
