package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.RemoteBackups;
import dev.verpath.engine.remote.BackupPush;
import dev.verpath.engine.remote.RemoteUrl;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migrate backups push}: sends one backup to a remote (an S3-compatible store or a folder). */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Push a backup (the newest, or the one named) to a remote: s3://BUCKET/PREFIX (credentials,"
                + " region and endpoint from the AWS SDK's usual chain: AWS_* variables, ~/.aws files, roles) or a folder"
                + " (a mounted share). Weight files already there (by content) are not sent again; an upload cut off"
                + " resumes; the manifest goes last, so a half-pushed backup is never listed.")
final class BackupsPushCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InstallationPath.Required installation;

    @Option(names = "--backup-id", paramLabel = "ID", description = "The backup to push (default: the newest).")
    private String backupId;

    @Option(names = "--to", paramLabel = "URL", description = "The remote (default: [backup] remote).")
    private String to;

    @Override
    public Integer call() {
        Path path = installation.path();
        Invocation invocation = Invocation.of(spec);
        Output output = invocation.output();
        RemoteBackups remotes = invocation.remoteBackups();
        RemoteUrl url = remotes.remote(Optional.ofNullable(to), "--to");
        BackupPush.Pushed pushed = remotes.push(path, Optional.ofNullable(backupId), url);
        output.line(pushed.already() ? "backup " + pushed.backupId() + " is on " + url.text() + " already; nothing sent"
                : "pushed backup " + pushed.backupId() + " to " + url.text() + ": " + pushed.sent() + " objects sent ("
                + Units.bytes(pushed.bytes()) + "), " + pushed.kept() + " weight files there already");
        ObjectNode document = Output.object();
        document.put("command", "backups push");
        document.put("installation", Invocation.display(path));
        document.put("backupId", pushed.backupId());
        document.put("remote", url.text());
        document.put("sent", pushed.sent());
        document.put("kept", pushed.kept());
        document.put("bytes", pushed.bytes());
        document.put("already", pushed.already());
        output.document(document);
        return ExitStatus.SUCCESS.code();
    }
}
