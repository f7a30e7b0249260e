package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.journal.AuditTrail;
import dev.verpath.engine.workspace.LiveTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail as {@code migrate status} shows it: the last few lines as text, every line under {@code --json},
 * and the commands whose start is left without a line, as running (their process is alive) or killed.
 */
final class AuditView {

    /** How many lines the text shows. */
    static final int LAST = 5;

    private final AuditTrail.Read read;
    private final List<ObjectNode> open;

    private AuditView(AuditTrail.Read read, List<ObjectNode> open) {
        this.read = read;
        this.open = open;
    }

    /**
     * Reads an installation's audit trail.
     *
     * @param root the installation
     * @return the view
     */
    static AuditView of(Path root) {
        AuditTrail trail = AuditTrail.in(root.resolve(LiveTree.STATE_FOLDER));
        try {
            List<ObjectNode> open = new ArrayList<>();
            for (ObjectNode start : trail.open()) {
                open.add(AuditTrail.running(start) ? start.deepCopy().put("outcome", "running") : AuditedCommand.killed(start));
            }
            return new AuditView(trail.read(), open);
        } catch (IOException e) {
            throw new EnvironmentFailure(root.resolve(LiveTree.STATE_FOLDER).resolve(AuditTrail.FILE)
                    + ": cannot read the audit trail (" + e.getMessage() + ")", e);
        }
    }

    /** @return the text lines: a heading and the last few commands, oldest first */
    List<String> text() {
        List<ObjectNode> all = new ArrayList<>(read.entries());
        all.addAll(open);
        List<String> lines = new ArrayList<>();
        if (all.isEmpty()) {
            lines.add("audit trail: no command has changed this installation yet");
            return lines;
        }
        int from = Math.max(0, all.size() - LAST);
        lines.add("audit trail (" + (from > 0 ? "last " + (all.size() - from) + " of " : "") + all.size() + " command(s)"
                + (read.skipped() > 0 ? "; " + read.skipped() + " torn line(s) skipped" : "") + "):");
        all.subList(from, all.size()).forEach(e -> lines.add("  " + line(e)));
        return lines;
    }

    private static String line(JsonNode e) {
        StringBuilder text = new StringBuilder(e.path("start").asText("?")).append("  ").append(e.path("command").asText())
                .append("  ").append(e.path("outcome").asText());
        if (e.hasNonNull("exit_code")) {
            text.append(" (exit ").append(e.path("exit_code").asInt()).append(')');
        }
        if (e.has("from") || e.has("to")) {
            text.append("  ").append(e.path("from").asText("?")).append(" -> ").append(e.path("to").asText("?"));
        }
        if (e.has("backup_id")) {
            text.append("  backup ").append(e.path("backup_id").asText());
        }
        text.append("  by ").append(e.path("user").asText("?")).append('@').append(e.path("host").asText("?"))
                .append("  run ").append(e.path("run_id").asText());
        return text.toString();
    }

    /** @return {@code {"entries": [...every line...], "open": [...], "skipped": n}} */
    ObjectNode json() {
        ObjectNode node = Output.object();
        node.putArray("entries").addAll(read.entries());
        node.putArray("open").addAll(open);
        node.put("skipped", read.skipped());
        return node;
    }
}
