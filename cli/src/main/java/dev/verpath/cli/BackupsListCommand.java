package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.backup.BackupInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code migrate backups list}: an installation's backups, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the installation's backups, oldest first.")
final class BackupsListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InstallationPath.Required installation;

    @Override
    public Integer call() {
        Path path = installation.path();
        Invocation invocation = Invocation.of(spec);
        Output output = invocation.output();
        List<BackupInfo> backups = invocation.backupEngine().backups(path);
        String name = Invocation.display(path);
        BackupsView.text(backups, path, name).forEach(output::line);
        ObjectNode document = Output.object();
        document.put("command", "backups list");
        document.setAll(BackupsView.json(backups, path, name));
        output.document(document);
        return ExitStatus.SUCCESS.code();
    }
}
