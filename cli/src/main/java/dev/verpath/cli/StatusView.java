package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.journal.HistoryEntry;
import dev.verpath.engine.model.StatusReport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** An installation's status as text and JSON: version, history, changed rules, interrupted migration. */
final class StatusView {

    private static final int SHORT_CHECKSUM = 8;

    private StatusView() {
    }

    /**
     * The status as text lines.
     *
     * @param report the status
     * @param root   the installation as the user named it
     * @return the lines
     */
    static List<String> text(StatusReport report, String root) {
        List<String> lines = new ArrayList<>();
        lines.add("installation: " + root);
        lines.add("product: " + report.product());
        lines.add("version: " + report.version().orElse("unknown (no VERSION file and no history)"));
        if (report.history().isEmpty()) {
            lines.add("history: none (never migrated)");
        } else {
            lines.add("history:");
            Table table = new Table("step", "scope", "from -> to", "rules", "started", "duration", "outcome");
            for (HistoryEntry h : report.history()) {
                table.row(Integer.toString(h.step()), h.scope(), h.from() + " -> " + h.to(), checksums(h),
                        Units.instant(h.started()), Units.duration(h.duration()), h.outcome());
            }
            lines.addAll(table.lines("  "));
        }
        if (report.changedRules().isEmpty()) {
            lines.add("changed rules: none");
        } else {
            lines.add("changed rules (their output may differ from what the history recorded):");
            report.changedRules().forEach(r -> lines.add("  " + r));
        }
        report.inProgress().ifPresent(h -> lines.add("migration: in progress (" + h + ")"));
        lines.add("interrupted migration: " + report.interrupted().orElse("none"));
        return lines;
    }

    private static String checksums(HistoryEntry h) {
        if (h.checksums().isEmpty()) {
            return "-";
        }
        return h.checksums().entrySet().stream()
                .map(e -> e.getKey() + "@" + e.getValue().substring(0, Math.min(SHORT_CHECKSUM, e.getValue().length())))
                .collect(Collectors.joining(", "));
    }

    /**
     * The status as JSON.
     *
     * @param report the status
     * @param root   the installation as the user named it
     * @return the object
     */
    static ObjectNode json(StatusReport report, String root) {
        ObjectNode node = Output.object();
        node.put("installation", root);
        node.put("product", report.product());
        report.version().ifPresentOrElse(v -> node.put("version", v), () -> node.putNull("version"));
        ArrayNode history = node.putArray("history");
        for (HistoryEntry h : report.history()) {
            ObjectNode o = history.addObject();
            o.put("step", h.step());
            o.put("product", h.product());
            o.put("scope", h.scope());
            o.put("from", h.from());
            o.put("to", h.to());
            ObjectNode sums = o.putObject("checksums");
            h.checksums().forEach(sums::put);
            o.put("started", h.started().toString());
            o.put("durationMillis", h.duration().toMillis());
            o.put("outcome", h.outcome());
        }
        ArrayNode changed = node.putArray("changedRules");
        report.changedRules().forEach(changed::add);
        report.interrupted().ifPresentOrElse(i -> node.put("interrupted", i), () -> node.putNull("interrupted"));
        report.inProgress().ifPresentOrElse(h -> node.put("inProgress", h), () -> node.putNull("inProgress"));
        return node;
    }
}
