package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.service.UnhealthyFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.NoPathFailure;
import dev.verpath.rules.MigrationException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns a failed command into one line on stderr, {@code migrate: <message>}, and its exit code. The
 * engine's messages name the file and what to do; anything unexpected also exits 1, and
 * {@code --verbose} adds the stack trace. With {@code --json} stdout carries an error document.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine line, ParseResult parsed) {
        GlobalOptions options = ((MigrateCommand) line.getCommandSpec().root().userObject()).options();
        Optional<MigrationException> engineFailure = ExitCodes.engineFailure(failure);
        int code = new ExitCodes().getExitCode(failure);
        String message = engineFailure.map(Throwable::getMessage).orElseGet(() -> unexpected(failure));
        List<String> refused = ((MigrateCommand) line.getCommandSpec().root().userObject()).refusedPlugins();
        if (failure instanceof NoPathFailure && !refused.isEmpty()) {
            // a product or version the user expected may be missing because its plugin was refused: say which and why
            message = message + "; note: " + String.join("; ", refused) + " (fix it, then run again; see 'migrate plugins list')";
        }
        PrintWriter err = line.getErr();
        err.println("migrate: " + oneLine(message));
        if (options.verbose()) {
            failure.printStackTrace(err);
        }
        err.flush();
        if (options.json()) {
            ObjectNode error = Output.object();
            error.put("code", engineFailure.map(m -> ErrorCode.of(m).name()).orElse("UNEXPECTED"));
            error.put("exitCode", SignalStop.received().map(SignalStop::exitCode).orElse(code));
            error.put("message", oneLine(message));
            ObjectNode document = Output.object();
            document.set("error", error);
            if (failure instanceof UnhealthyFailure unhealthy) {
                document.put("backupId", unhealthy.backupId());
                document.put("oldHealthy", unhealthy.oldHealthy());
                document.set("service", RunView.service(unhealthy.events()));
            }
            line.getOut().print(Output.render(Output.withOutcome(document,
                    Outcome.of(engineFailure, SignalStop.received().isPresent()))));
            line.getOut().flush();
        }
        return code;
    }

    /** A failure the engine did not type is a bug of migrate's own: say so, without the class name. */
    private static String unexpected(Exception failure) {
        String detail = Optional.ofNullable(failure.getMessage()).filter(m -> !m.isBlank())
                .map(m -> ": " + m.replaceAll("\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error): ", "")).orElse("");
        return "unexpected failure" + detail + " (a bug in migrate: run again with --verbose for the stack trace, and report"
                + " it with that trace)";
    }

    private static String oneLine(String message) {
        return Optional.ofNullable(message).orElse("failed").replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
