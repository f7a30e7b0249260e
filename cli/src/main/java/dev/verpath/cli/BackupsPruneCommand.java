package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.backup.BackupInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code migrate backups prune}: deletes all but the newest {@code backup.keep_last} backups. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Delete all but the newest backups (how many: backup.keep_last of migration_config.toml, "
                + "default 3). A backup an interrupted migration still needs is kept.")
final class BackupsPruneCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InstallationPath.Required installation;

    @Override
    public Integer call() {
        Path path = installation.path();
        Invocation invocation = Invocation.of(spec);
        Output output = invocation.output();
        String name = Invocation.display(path);
        int keep = invocation.settings().keepLast();
        List<BackupInfo> all = invocation.backupEngine().backups(path);
        List<BackupInfo> doomed = all.subList(0, Math.max(0, all.size() - keep));
        String listed = doomed.stream().map(b -> b.id() + " (" + b.product() + " " + b.from() + " -> " + b.to() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        if (!doomed.isEmpty() && !invocation.confirm("Delete backup" + (doomed.size() == 1 ? " " : "s ") + listed + " of " + name
                + ", keeping the newest " + keep + "?")) {
            output.line("prune cancelled; nothing deleted");
            output.cancelled("backups prune");
            return ExitStatus.FAILED.code();
        }
        List<BackupInfo> removed = invocation.backupEngine().pruneBackups(path, output.progress());
        if (removed.isEmpty()) {
            output.line("backups of " + name + ": nothing to prune (keeping the newest " + keep + ")");
        } else {
            output.line("pruned " + removed.size() + (removed.size() == 1 ? " backup of " : " backups of ") + name
                    + " (keeping the newest " + keep + "):");
            removed.forEach(b -> output.line("  " + b.id() + "  " + b.from() + " -> " + b.to()));
        }
        ObjectNode document = Output.object();
        document.put("command", "backups prune");
        document.put("installation", name);
        document.put("keepLast", keep);
        ArrayNode list = document.putArray("removed");
        removed.forEach(b -> list.add(b.id()));
        output.document(document);
        return ExitStatus.SUCCESS.code();
    }
}
