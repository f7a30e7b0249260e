package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.rules.MigrationException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migrate backups verify}: checks every backup against its manifest; exit 5 when one fails. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify every backup of the installation against its manifest (presence, size, SHA-256). "
                + "Exits 5 when any backup fails.")
final class BackupsVerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--path", required = true, paramLabel = "DIR", description = "The installation.")
    private Path path;

    @Override
    public Integer call() {
        Invocation invocation = Invocation.of(spec);
        Output output = invocation.output();
        List<BackupInfo> backups = invocation.engine().backups(path);
        String name = Invocation.display(path);
        ObjectNode document = Output.object();
        document.put("command", "backups verify");
        document.put("installation", name);
        ArrayNode list = document.putArray("backups");
        Table table = new Table("id", "result");
        int failed = 0;
        for (BackupInfo backup : backups) {
            ObjectNode o = list.addObject().put("id", backup.id());
            try {
                BackupManifest manifest = BackupStore.verify(backup.folder());
                o.put("ok", true).put("entries", manifest.entries().size());
                table.row(backup.id(), "ok, " + manifest.entries().size() + " entries");
            } catch (MigrationException e) {
                failed++;
                o.put("ok", false).put("message", e.getMessage());
                table.row(backup.id(), "FAILED: " + e.getMessage());
            }
        }
        if (backups.isEmpty()) {
            output.line("backups of " + name + ": none");
        } else {
            table.lines("").forEach(output::line);
        }
        output.document(document);
        if (failed > 0) {
            invocation.err().println("migrate: " + failed + " of " + backups.size() + " backups of " + name
                    + " failed verification; do not roll back to them (see the list above)");
            return ExitStatus.BACKUP_CORRUPT.code();
        }
        return ExitStatus.SUCCESS.code();
    }
}
