package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.model.SwitchResult;
import dev.verpath.engine.release.ReleaseLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code migrate rollback --path LINK} where LINK is a release link: the link is pointed back at the release the
 * current one was built from (no restore), or an interrupted switch is recovered. When there is no such release the
 * rollback restores a backup as for any installation.
 */
final class SwitchBackRun {

    private SwitchBackRun() {
    }

    /**
     * @param invocation the running command
     * @param engine     the engine (with the product's rules when hooks are set)
     * @param path       the {@code --path} given
     * @param metrics    where the rollback's metrics go
     * @return the exit code, when the rollback was a switch (or was cancelled); empty: restore a backup instead
     */
    static Optional<Integer> run(Invocation invocation, MigrationEngine engine, Path path, RunMetrics metrics) {
        if (!Files.isSymbolicLink(path)) {
            return Optional.empty();
        }
        Output output = invocation.output();
        ReleaseLayout releases = engine.releases(path);
        Optional<String> pending = releases.pendingSwitchBack(output.notices());
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        if (!invocation.confirm(Character.toUpperCase(pending.get().charAt(0)) + pending.get().substring(1) + "?")) {
            output.line("rollback cancelled; nothing switched");
            output.cancelled("rollback");
            return Optional.of(ExitStatus.FAILED.code());
        }
        Optional<SwitchResult> switched;
        try {
            switched = releases.switchBack(output.progress(), output.notices());
        } catch (RuntimeException failure) {
            metrics.run(new RunMetrics.Subject(Optional.empty(), "", "", ""), Outcome.of(ExitCodes.engineFailure(failure),
                    SignalStop.received().isPresent()), Optional.empty(), engine, output.notices());
            throw failure;
        }
        if (switched.isEmpty()) {
            return Optional.empty();
        }
        SwitchResult result = switched.get();
        metrics.run(new RunMetrics.Subject(Optional.empty(), "", "", result.version()), Outcome.COMPLETED,
                Optional.empty(), engine, output.notices());
        invocation.audit().ifPresent(audit -> audit.switched(result));
        String name = Invocation.display(path);
        output.line(result.to().map(to -> "switched " + name + " back to " + Invocation.display(to) + ": it serves "
                + result.version()).orElse("removed " + name + ": it pointed nowhere before the interrupted switch")
                + " (" + Units.duration(result.switching()) + "; nothing restored)");
        ObjectNode document = Output.object();
        document.put("command", "rollback");
        document.put("installation", name);
        document.putNull("backupId");
        document.put("entries", 0);
        document.put("version", result.version());
        document.putNull("recovered");
        ObjectNode link = document.putObject("switched");
        link.put("link", name);
        result.from().ifPresentOrElse(f -> link.put("from", Invocation.display(f)), () -> link.putNull("from"));
        result.to().ifPresentOrElse(t -> link.put("to", Invocation.display(t)), () -> link.putNull("to"));
        link.put("seconds", result.switching().toNanos() / 1e9);
        result.recovered().ifPresentOrElse(r -> link.put("recovered", r), () -> link.putNull("recovered"));
        output.document(document);
        return Optional.of(ExitStatus.SUCCESS.code());
    }
}
