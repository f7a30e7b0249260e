package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.backup.BackupKeys;
import dev.verpath.engine.remote.RemoteBackup;
import dev.verpath.engine.remote.RemoteUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An installation's backups, oldest first, as text and JSON. */
final class BackupsView {

    private BackupsView() {
    }

    /**
     * @param backups the backups
     * @param root    the installation
     * @param name    the installation as the user named it
     * @return the text lines
     */
    static List<String> text(List<BackupInfo> backups, Path root, String name) {
        List<String> lines = new ArrayList<>();
        if (backups.isEmpty()) {
            lines.add("backups of " + name + ": none");
            return lines;
        }
        lines.add("backups of " + name + ": " + backups.size() + " (oldest first)");
        Table table = new Table("id", "created", "product", "from -> to", "entries", "size", "folder");
        for (BackupInfo b : backups) {
            table.row(b.id(), Units.instant(b.created()), b.product(), b.from() + " -> " + b.to(),
                    Integer.toString(b.entries()), Units.bytes(b.sizeOnDisk()) + (BackupKeys.encrypted(b.folder())
                            ? " (encrypted)" : ""), Invocation.relative(root, b.folder()));
        }
        lines.addAll(table.lines("  "));
        backups.stream().filter(b -> !b.scope().isEmpty()).forEach(b -> lines.add("  " + b.id() + " was taken by hand"
                + " and holds only " + String.join(", ", b.scope())));
        return lines;
    }

    /**
     * @param backups the backups
     * @param root    the installation
     * @param name    the installation as the user named it
     * @return the JSON document
     */
    static ObjectNode json(List<BackupInfo> backups, Path root, String name) {
        ObjectNode node = Output.object();
        node.put("installation", name);
        ArrayNode list = node.putArray("backups");
        for (BackupInfo b : backups) {
            ObjectNode o = list.addObject();
            o.put("id", b.id());
            o.put("created", b.created().toString());
            o.put("product", b.product());
            o.put("from", b.from());
            o.put("to", b.to());
            o.put("entries", b.entries());
            o.put("sizeOnDisk", b.sizeOnDisk());
            o.put("folder", Invocation.relative(root, b.folder()));
            o.put("encrypted", BackupKeys.encrypted(b.folder()));
            b.scope().forEach(o.putArray("scope")::add);
        }
        return node;
    }

    /**
     * @param backups a remote's backups
     * @param url     the remote
     * @return the text lines
     */
    static List<String> remoteText(List<RemoteBackup> backups, RemoteUrl url) {
        List<String> lines = new ArrayList<>();
        if (backups.isEmpty()) {
            lines.add("backups on " + url.text() + ": none");
            return lines;
        }
        lines.add("backups on " + url.text() + ": " + backups.size() + " (oldest first)");
        Table table = new Table("id", "created", "product", "from -> to", "entries");
        for (RemoteBackup b : backups) {
            table.row(b.id(), Units.instant(b.created()), b.product(), b.from() + " -> " + b.to(), Integer.toString(b.entries()));
        }
        lines.addAll(table.lines("  "));
        return lines;
    }

    /**
     * @param backups a remote's backups
     * @param url     the remote
     * @param name    the installation as the user named it
     * @return the JSON document
     */
    static ObjectNode remoteJson(List<RemoteBackup> backups, RemoteUrl url, String name) {
        ObjectNode node = Output.object();
        node.put("installation", name);
        node.put("remote", url.text());
        ArrayNode list = node.putArray("backups");
        for (RemoteBackup b : backups) {
            list.addObject().put("id", b.id()).put("created", b.created().toString()).put("product", b.product())
                    .put("from", b.from()).put("to", b.to()).put("entries", b.entries()).put("where", b.where());
        }
        return node;
    }
}
