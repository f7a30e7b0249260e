package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.model.FileChange;
import dev.verpath.engine.model.RecoveredRun;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.RunWarning;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.model.ServiceEvent;
import dev.verpath.engine.plugin.RuleRegistry;
import java.util.List;
import java.util.Optional;

/**
 * What a migration did (or would do) as text and as JSON: the plan, each file change (with its diff on a
 * dry run), warnings, counters and the backup. The duration is the one figure that differs from run to
 * run, so it is shown only with {@code --verbose}.
 */
final class RunView {

    private RunView() {
    }

    /**
     * The result as text.
     *
     * @param result   the result
     * @param registry where the rules came from
     * @param scope    which rules ran (the plan lists only those)
     * @param verbose  whether to show the duration
     * @param undo     the command that undoes the run ({@code migrate rollback ...}), for the hint after a backup
     * @return the text, every line ended
     */
    static String text(RunResult result, RuleRegistry registry, Scope scope, boolean verbose, String undo) {
        StringBuilder text = new StringBuilder();
        PlanView.text(result.plan(), registry, false, scope.kinds()).forEach(l -> text.append(l).append('\n'));
        if (result.changes().isEmpty()) {
            text.append(result.dryRun() ? "changes: none would be made\n" : "changes: none\n");
        } else {
            text.append(result.dryRun() ? "changes that would be made (dry run: nothing was written):\n" : "changes:\n");
        }
        for (FileChange change : result.changes()) {
            text.append("  ").append(change.kind().label()).append(' ').append(describe(change)).append('\n');
            if (result.dryRun() && change.diff().isPresent()) {
                String diff = change.diff().get();
                text.append(diff);
                if (!diff.isEmpty() && !diff.endsWith("\n")) {
                    text.append('\n');
                }
            }
        }
        if (!result.warnings().isEmpty()) {
            text.append("warnings:\n");
            for (RunWarning w : result.warnings()) {
                text.append("  ").append(w.path()).append(": ").append(w.message())
                        .append(" (").append(w.ruleId()).append(")\n");
            }
        }
        if (!result.counters().isEmpty()) {
            text.append("counters:\n");
            Table table = new Table();
            result.counters().forEach((name, value) -> table.row(name, Long.toString(value)));
            table.lines("  ").forEach(l -> text.append(l).append('\n'));
        }
        if (!result.service().isEmpty()) {
            text.append(result.dryRun() ? "hooks and health check that would run (a dry run runs none):\n" : "service:\n");
            result.service().forEach(e -> text.append("  ").append(e.line()).append('\n'));
        }
        result.backupId().ifPresent(id -> text.append("backup: ").append(id).append(" (undo with: ").append(undo)
                .append(")\n"));
        text.append(summary(result)).append('\n');
        if (verbose) {
            text.append("duration: ").append(Units.duration(result.duration())).append('\n');
        }
        return text.toString();
    }

    private static String describe(FileChange change) {
        return change.kind() == FileChange.Kind.MOVED
                ? change.from().orElse("?") + " -> " + change.path()
                : change.path();
    }

    private static String summary(RunResult result) {
        String files = result.changes().size() + (result.changes().size() == 1 ? " file" : " files");
        String range = result.plan().product() + " " + result.plan().from() + " -> " + result.plan().to();
        return result.dryRun()
                ? "dry run: " + range + " would change " + files
                : "done: " + range + ", " + files + " changed";
    }

    /**
     * What ran around a command for its service, as JSON: one object per hook, health attempt or check, with
     * {@code phase}, {@code attempt} (health attempts, from 1; else 0), {@code outcome}, {@code exitStatus} (null when
     * it did not exit by itself), {@code millis}, {@code lastLine} (null when none) and {@code line} (the text line).
     *
     * @param events the events, in order
     * @return the array
     */
    static ArrayNode service(List<ServiceEvent> events) {
        ArrayNode array = Output.array();
        for (ServiceEvent e : events) {
            ObjectNode o = array.addObject();
            o.put("phase", e.phase());
            o.put("attempt", e.attempt());
            o.put("outcome", e.outcome());
            e.exitStatus().ifPresentOrElse(x -> o.put("exitStatus", x), () -> o.putNull("exitStatus"));
            o.put("millis", e.millis());
            e.lastLine().ifPresentOrElse(l -> o.put("lastLine", l), () -> o.putNull("lastLine"));
            o.put("line", e.line());
        }
        return array;
    }

    /**
     * An interrupted migration a command restored first, as JSON.
     *
     * @param run the recovery
     * @return {@code {"backupId", "from", "to"}}
     */
    static ObjectNode recovered(RecoveredRun run) {
        ObjectNode node = Output.object();
        node.put("backupId", run.backupId());
        node.put("from", run.from());
        node.put("to", run.to());
        return node;
    }

    /**
     * The result as JSON.
     *
     * @param result   the result
     * @param registry where the rules came from
     * @param scope    which rules ran (the plan lists only those)
     * @param verbose  whether to add the duration
     * @return the object
     */
    static ObjectNode json(RunResult result, RuleRegistry registry, Scope scope, boolean verbose) {
        ObjectNode node = Output.object();
        node.put("dryRun", result.dryRun());
        node.set("plan", PlanView.json(result.plan(), registry, scope.kinds()));
        ArrayNode changes = node.putArray("changes");
        for (FileChange change : result.changes()) {
            ObjectNode c = changes.addObject();
            c.put("kind", change.kind().label());
            c.put("path", change.path());
            change.from().ifPresent(f -> c.put("from", f));
            change.diff().ifPresent(d -> c.put("diff", d));
        }
        ArrayNode warnings = node.putArray("warnings");
        for (RunWarning w : result.warnings()) {
            ObjectNode o = warnings.addObject();
            o.put("ruleId", w.ruleId());
            o.put("path", w.path());
            o.put("message", w.message());
        }
        ObjectNode counters = node.putObject("counters");
        result.counters().forEach(counters::put);
        result.backupId().ifPresentOrElse(id -> node.put("backupId", id), () -> node.putNull("backupId"));
        result.recovered().ifPresentOrElse(r -> node.set("recovered", recovered(r)), () -> node.putNull("recovered"));
        node.set("service", service(result.service()));
        if (verbose) {
            node.put("durationMillis", result.duration().toMillis());
        }
        return node;
    }
}
