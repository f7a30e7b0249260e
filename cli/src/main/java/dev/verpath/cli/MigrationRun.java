package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.RunRequest;
import dev.verpath.engine.RunResult;
import dev.verpath.engine.Scope;
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
    static int run(Invocation invocation, String command, RunRequest request) {
        MigrationEngine engine = invocation.engine();
        Output output = invocation.output();
        RunResult result = engine.migrate(request, output.progress(), output.notices());
        Optional<String> root = request.scope() == Scope.VERSION
                ? Optional.of(Invocation.display(request.target())) : Optional.empty();
        output.text(RunView.text(result, engine.registry(), request.scope(), output.verbose(), root));
        ObjectNode document = Output.object();
        document.put("command", command);
        document.put("target", Invocation.display(request.target()));
        document.put("scope", request.scope().name().toLowerCase(java.util.Locale.ROOT));
        document.setAll(RunView.json(result, engine.registry(), request.scope(), output.verbose()));
        output.document(document);
        return ExitStatus.SUCCESS.code();
    }
}
