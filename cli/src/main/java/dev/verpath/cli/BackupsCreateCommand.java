package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.ManualBackups;
import dev.verpath.engine.backup.BackupInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code migrate backups create}: a backup taken by hand, of the whole installation or of chosen files. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Take a backup outside any migration, of the whole installation or of the files and folders"
                + " given (relative to its root), in the installation's backup store; 'migrate rollback --backup-id ID'"
                + " restores it. A backup of chosen files puts back only them, and only while the installation is at the"
                + " version it was taken at.")
final class BackupsCreateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InstallationPath.Required installation;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files or folders to back up, relative to the"
            + " installation's root (default: all of it).")
    private List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        Path path = installation.path();
        Invocation invocation = Invocation.of(spec);
        Output output = invocation.output();
        BackupInfo backup = new ManualBackups(invocation.engine().registry(), invocation.settings(), Clock.systemUTC(),
                invocation.phases()).create(path, files, output.progress());
        output.line("took backup " + backup.id() + " of " + backup.product() + " " + backup.from() + ": " + backup.entries()
                + " entries, " + Units.bytes(backup.sizeOnDisk()) + " on disk" + (backup.scope().isEmpty() ? ""
                : "; it holds only " + String.join(", ", backup.scope())));
        output.line("restore it with: migrate rollback --path " + Invocation.display(path) + " --backup-id " + backup.id());
        ObjectNode document = Output.object();
        document.put("command", "backups create");
        document.put("installation", Invocation.display(path));
        document.put("backupId", backup.id());
        document.put("product", backup.product());
        document.put("version", backup.from());
        document.put("entries", backup.entries());
        document.put("sizeOnDisk", backup.sizeOnDisk());
        backup.scope().forEach(document.putArray("scope")::add);
        document.put("folder", Invocation.relative(path, backup.folder()));
        output.document(document);
        return ExitStatus.SUCCESS.code();
    }
}
