package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.backup.BackupCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code migrate backups verify}: checks every backup against its manifest; exit 5 when one fails. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify every backup of the installation against its manifest (presence, size, SHA-256). "
                + "Exits 5 when any backup fails.")
final class BackupsVerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InstallationPath.Required installation;

    @Override
    public Integer call() {
        Path path = installation.path();
        Invocation invocation = Invocation.of(spec);
        Output output = invocation.output();
        List<BackupCheck> checks = invocation.backupEngine().verifyBackups(path);
        String name = Invocation.display(path);
        ObjectNode document = Output.object();
        document.put("command", "backups verify");
        document.put("installation", name);
        ArrayNode list = document.putArray("backups");
        Table table = new Table("id", "result");
        for (BackupCheck check : checks) {
            ObjectNode o = list.addObject().put("id", check.backup().id()).put("ok", check.ok());
            check.problem().ifPresentOrElse(p -> o.put("problem", p), () -> o.putNull("problem"));
            table.row(check.backup().id(), check.problem().map(p -> "FAILED: " + p)
                    .orElse("ok, " + check.backup().entries() + " entries"));
        }
        if (checks.isEmpty()) {
            output.line("backups of " + name + ": none");
        } else {
            table.lines("").forEach(output::line);
        }
        long failed = checks.stream().filter(c -> !c.ok()).count();
        output.document(Output.withOutcome(document, failed > 0 ? Outcome.BACKUP_CORRUPT : Outcome.COMPLETED));
        if (failed > 0) {
            String ids = checks.stream().filter(c -> !c.ok()).map(c -> c.backup().id()).collect(java.util.stream.Collectors.joining(", "));
            invocation.err().println("migrate: " + failed + " of " + checks.size() + " backups of " + name
                    + " failed verification (" + ids + "); do not roll back to them, choose another with --backup-id"
                    + " (see the list on stdout)");
            return ExitStatus.BACKUP_CORRUPT.code();
        }
        return ExitStatus.SUCCESS.code();
    }
}
