package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.model.RollbackResult;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code migrate rollback}: restores the newest backup, or the one named, after verifying it. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Restore the newest backup (or the one named), verified against its checksums first. "
                + "Exits 5 when the backup fails verification (nothing is restored then). With --path LINK, a symbolic"
                + " link switched by 'version --into --switch': point it back at the release it was built from (no"
                + " restore), or recover an interrupted switch.")
final class RollbackCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InstallationPath.ForRollback installation;

    @Option(names = "--metrics-file", paramLabel = "FILE", description = "When the rollback ends, also write its metrics"
            + " (Prometheus text format, replaced atomically) to FILE.")
    private Path metricsFile;

    @Option(names = "--from", paramLabel = "URL", description = "The remote to fetch the backup from when the"
            + " installation's backups do not hold it (with --backup-id, default: [backup] remote); without --backup-id,"
            + " its newest backup. DIR may be a new or empty folder: the backup is restored into it, every path moved"
            + " inside it.")
    private String from;

    @ArgGroup(exclusive = true)
    private Which which = new Which();

    /** Which backup: by folder or by id; neither means the newest. */
    static final class Which {
        @Option(names = "--backup-path", paramLabel = "DIR", description = "The backup folder to restore.")
        private Path backupPath;

        @Option(names = "--backup-id", paramLabel = "ID", description = "The id of the backup to restore (see: migrate backups list).")
        private String backupId;
    }

    @Override
    public Integer call() {
        Invocation invocation = Invocation.of(spec);
        Output output = invocation.output();
        if (installation.path().isEmpty() && which.backupPath == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--path=DIR' (or --backup-path=DIR,"
                    + " whose manifest names the installation)");
        }
        if (from != null && which.backupPath != null) {
            throw new ParameterException(spec.commandLine(), "--from fetches a backup by id from a remote; it does not go"
                    + " with --backup-path");
        }
        Path path = installation.path().orElseGet(() -> invocation.backupEngine().installationOf(which.backupPath));
        Optional<String> backupId = which.backupPath != null ? Optional.empty() : invocation.remoteBackups()
                .pullForRollback(path, Optional.ofNullable(which.backupId), Optional.ofNullable(from), output.progress());
        RunMetrics metrics = new RunMetrics(Optional.ofNullable(metricsFile), "rollback");
        // a node with hooks or a health check: the rules and plugins are loaded, so that the restored installation is
        // validated by its product's rules and a plugin's declared service control applies; otherwise a plain restore
        MigrationEngine engine = invocation.settings().hooks().lines().isEmpty() ? invocation.backupEngine()
                : invocation.engine();
        if (which.backupPath == null && backupId.isEmpty()) {
            Optional<Integer> switched = SwitchBackRun.run(invocation, engine, path, metrics);
            if (switched.isPresent()) {
                return switched.get();
            }
        }
        String name = Invocation.display(path);
        Optional<BackupInfo> candidate = which.backupPath != null ? Optional.empty()
                : invocation.backupEngine().rollbackCandidate(path, backupId);
        String backup = candidate.map(b -> "backup " + b.id() + " (taken " + Units.instant(b.created()) + " before "
                        + b.product() + " " + b.from() + " -> " + b.to() + "; the installation returns to " + b.from() + ")")
                .or(() -> Optional.ofNullable(which.backupPath).map(p -> "the backup in " + Invocation.display(p)))
                .orElse("");
        // with nothing to restore, the engine's refusal says why; there is nothing to ask
        if (!backup.isEmpty() && !invocation.confirm("Restore " + backup + " over " + name + "?")) {
            output.line("rollback cancelled; nothing restored");
            output.cancelled("rollback");
            return ExitStatus.FAILED.code();
        }
        RollbackResult result;
        try {
            result = engine.rollback(path, backupId,
                    Optional.ofNullable(which.backupPath), output.progress(), output.notices());
        } catch (RuntimeException failure) {
            metrics.run(new RunMetrics.Subject(Optional.of(path), "", "", ""), Outcome.of(ExitCodes.engineFailure(failure),
                    SignalStop.received().isPresent()), Optional.empty(), engine, output.notices());
            throw failure;
        }
        metrics.run(new RunMetrics.Subject(Optional.of(path), "", "", result.version()), Outcome.COMPLETED,
                Optional.empty(), engine, output.notices());
        invocation.audit().ifPresent(audit -> audit.restored(result));
        output.line("restored backup " + result.backupId() + ": " + result.entries() + " entries; "
                + name + " is at version " + result.version());
        ObjectNode document = Output.object();
        document.put("command", "rollback");
        document.put("installation", name);
        document.put("backupId", result.backupId());
        document.put("entries", result.entries());
        document.put("version", result.version());
        result.recovered().ifPresentOrElse(r -> document.set("recovered", RunView.recovered(r)), () -> document.putNull("recovered"));
        document.putNull("switched");
        output.document(document);
        return ExitStatus.SUCCESS.code();
    }
}
