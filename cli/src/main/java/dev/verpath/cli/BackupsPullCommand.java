package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.RemoteBackups;
import dev.verpath.engine.remote.RemoteUrl;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migrate backups pull}: fetches one backup from a remote into the installation's backup store. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = "Pull a backup (the newest, or the one named) from a remote into the installation's backups,"
                + " every file checked against its SHA-256 (a damaged one: exit 5, nothing kept). The folder may be"
                + " empty or new: 'migrate rollback --path DIR --backup-id ID' then restores the backup into it.")
final class BackupsPullCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InstallationPath.Required installation;

    @Option(names = "--backup-id", paramLabel = "ID", description = "The backup to pull (default: the newest).")
    private String backupId;

    @Option(names = "--from", paramLabel = "URL", description = "The remote (default: [backup] remote).")
    private String from;

    @Override
    public Integer call() {
        Path path = installation.path();
        Invocation invocation = Invocation.of(spec);
        Output output = invocation.output();
        RemoteBackups remotes = invocation.remoteBackups();
        RemoteUrl url = remotes.remote(Optional.ofNullable(from), "--from");
        Path pulled = remotes.pull(path, url, Optional.ofNullable(backupId));
        String id = pulled.getFileName().toString();
        output.line("pulled backup " + id + " from " + url.text() + " into " + Invocation.display(pulled)
                + "; restore it with: migrate rollback --path " + Invocation.display(path) + " --backup-id " + id);
        ObjectNode document = Output.object();
        document.put("command", "backups pull");
        document.put("installation", Invocation.display(path));
        document.put("backupId", id);
        document.put("remote", url.text());
        document.put("folder", Invocation.relative(path.toAbsolutePath(), pulled));
        output.document(document);
        return ExitStatus.SUCCESS.code();
    }
}
