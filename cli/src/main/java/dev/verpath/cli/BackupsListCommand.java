package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.RemoteBackups;
import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.remote.RemoteBackup;
import dev.verpath.engine.remote.RemoteUrl;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migrate backups list}: an installation's backups, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the installation's backups, oldest first;"
        + " with --remote, those on a remote (only the installation's product when it has one).")
final class BackupsListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InstallationPath.Required installation;

    @Option(names = "--remote", arity = "0..1", fallbackValue = "", paramLabel = "URL", description = "List the"
            + " complete backups on a remote instead (default URL: [backup] remote).")
    private String remote;

    @Override
    public Integer call() {
        Path path = installation.path();
        Invocation invocation = Invocation.of(spec);
        Output output = invocation.output();
        if (remote != null) {
            RemoteBackups remotes = invocation.remoteBackups();
            RemoteUrl url = remotes.remote(Optional.of(remote).filter(r -> !r.isBlank()), "--remote");
            List<RemoteBackup> backups = remotes.list(Optional.of(path), url);
            BackupsView.remoteText(backups, url).forEach(output::line);
            ObjectNode document = Output.object();
            document.put("command", "backups list");
            document.setAll(BackupsView.remoteJson(backups, url, Invocation.display(path)));
            output.document(document);
            return ExitStatus.SUCCESS.code();
        }
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
