package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.workspace.Installation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Runs one migration request through the engine and prints what it did: the body of the four migrating commands. */
final class MigrationRun {

    private MigrationRun() {
    }

    /**
     * Runs the request and prints the result.
     *
     * @param invocation the running command
     * @param command    the command's name, for the JSON document
     * @param request    the request
     * @return the exit code: 0 (failures are thrown and mapped by {@link FailureHandler})
     */
    /**
     * The command that undoes a run, ready to paste: the installation the backup belongs to (for {@code config},
     * {@code data} and {@code models} the one around the path given), the backup folder when one was set, and the id.
     */
    static String undo(Invocation invocation, RunRequest request, RunResult result) {
        Path root = request.scope() == Scope.VERSION ? request.target() : Installation.around(request.target()).root();
        StringBuilder command = new StringBuilder("migrate rollback --path ").append(quoted(Invocation.display(root)));
        invocation.settings().backupDir().ifPresent(dir -> command.append(" --backup-dir ")
                .append(quoted(Invocation.display(dir.toAbsolutePath().normalize()))));
        result.backupId().ifPresent(id -> command.append(" --backup-id ").append(id));
        return command.toString();
    }

    /** What the metrics' labels say: the plan's product and versions, else what the request gave. */
    private static RunMetrics.Subject subject(RunRequest request, Optional<RunResult> result) {
        Optional<Path> root;
        try {
            root = Optional.of(request.scope() == Scope.VERSION ? request.target()
                    : Installation.around(request.target()).root());
        } catch (RuntimeException notInAnInstallation) {
            root = Optional.empty();
        }
        Optional<Path> installation = root.filter(r -> Files.isRegularFile(r.resolve(Installation.VERSION_FILE)));
        return result.map(r -> new RunMetrics.Subject(installation, r.plan().product(), r.plan().from(), r.plan().to()))
                .orElseGet(() -> new RunMetrics.Subject(installation, request.product().orElse(""),
                        request.from().orElse(""), request.to().orElse("")));
    }

    /** A path as a POSIX shell reads it back: bare when it is plain, else in single quotes. */
    private static String quoted(String path) {
        return path.matches("[A-Za-z0-9_./@%+=:,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }

    static int run(Invocation invocation, String command, Optional<Path> metricsFile, RunRequest request) {
        RunMetrics metrics = new RunMetrics(metricsFile, command);
        MigrationEngine engine = invocation.engine();
        Output output = invocation.output();
        RunResult result;
        try {
            result = engine.migrate(request, output.progress(), output.notices());
        } catch (RuntimeException failure) {
            metrics.run(subject(request, Optional.empty()), Outcome.of(ExitCodes.engineFailure(failure),
                    SignalStop.received().isPresent()), Optional.empty(), engine, output.notices());
            throw failure;
        }
        Outcome outcome = result.dryRun() ? Outcome.DRY_RUN : Outcome.COMPLETED;
        metrics.run(subject(request, Optional.of(result)), outcome, Optional.of(result), engine, output.notices());
        invocation.audit().ifPresent(audit -> audit.ran(result));
        output.text(RunView.text(result, engine.registry(), request.scope(), output.verbose(), undo(invocation, request, result)));
        // a dry run of --into: what building DEST would cost (a real run's result says what it built)
        java.util.Optional<dev.verpath.engine.release.IntoEstimate> side = request.into().filter(d -> result.dryRun())
                .map(dest -> IntoView.estimate(result.plan(), request.target(), dest));
        side.ifPresent(e -> IntoView.text(e).forEach(output::line));
        ObjectNode document = Output.object();
        document.put("command", command);
        document.put("target", Invocation.display(request.target()));
        document.put("scope", request.scope().name().toLowerCase(java.util.Locale.ROOT));
        document.setAll(RunView.json(result, engine.registry(), request.scope(), output.verbose()));
        side.ifPresent(e -> document.set("into", IntoView.json(e)));
        output.document(Output.withOutcome(document, outcome));
        return ExitStatus.SUCCESS.code();
    }
}
