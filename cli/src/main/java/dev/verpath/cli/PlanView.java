package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.plan.MigrationPlan;
import dev.verpath.engine.plan.PlanEstimate;
import dev.verpath.engine.plan.PlanStep;
import dev.verpath.engine.plugin.LoadedRuleSet;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A migration plan as text and as JSON: steps, rules, breaking changes, alternatives, estimate. */
final class PlanView {

    private PlanView() {
    }

    /**
     * The plan as text lines.
     *
     * @param plan     the plan
     * @param registry where the rules came from
     * @param estimate whether to print the estimate (when the plan has one)
     * @return the lines
     */
    static List<String> text(MigrationPlan plan, RuleRegistry registry, boolean estimate) {
        return text(plan, registry, estimate, EnumSet.allOf(RuleKind.class));
    }

    /**
     * The plan as text lines, showing only the rules of the given kinds (those a scope runs).
     *
     * @param plan     the plan
     * @param registry where the rules came from
     * @param estimate whether to print the estimate (when the plan has one)
     * @param kinds    the kinds of rule that run
     * @return the lines
     */
    static List<String> text(MigrationPlan plan, RuleRegistry registry, boolean estimate, Set<RuleKind> kinds) {
        List<String> lines = new ArrayList<>();
        String head = "plan: " + plan.product() + " " + plan.from() + " -> " + plan.to();
        if (plan.steps().isEmpty()) {
            lines.add(head + ": already there, nothing to do");
        } else {
            int count = plan.steps().size();
            lines.add(head + ", " + count + (count == 1 ? " step" : " steps") + (plan.lossy() ? " (lossy)" : ""));
        }
        int number = 1;
        for (PlanStep step : plan.steps()) {
            lines.addAll(step(number++, step, registry, kinds));
        }
        if (!plan.alternatives().isEmpty()) {
            lines.add("alternatives not taken:");
            plan.alternatives().forEach(path -> lines.add("  " + String.join(" -> ", path)));
        }
        lines.addAll(RiskView.text(plan.risks()));
        if (estimate) {
            plan.estimate().ifPresent(e -> lines.addAll(estimate(e)));
        }
        return lines;
    }

    private static List<String> step(int number, PlanStep step, RuleRegistry registry, Set<RuleKind> kinds) {
        List<String> lines = new ArrayList<>();
        String edge = step.edgeFrom().equals(step.from()) ? "" : " (edge " + step.edgeFrom() + ")";
        lines.add("  step " + number + ": " + step.from() + " -> " + step.to() + edge
                + (step.lossy() ? "  [lossy: some information cannot be kept]" : ""));
        Table rules = new Table("kind", "rule", "does");
        for (MigrationRule rule : runs(step, kinds)) {
            RuleDescriptor d = rule.descriptor();
            String origin = registry.origin(d.id()).filter(o -> !o.equals(LoadedRuleSet.BUILT_IN))
                    .map(o -> " (" + o + ")").orElse("");
            rules.row(d.kind().label(), d.id() + (d.lossy() ? " [lossy]" : ""), d.displayName() + origin);
        }
        lines.addAll(rules.lines("    "));
        if (step.breakingChanges().isEmpty()) {
            lines.add("    breaking changes: none");
        } else {
            lines.add("    breaking changes:");
            step.breakingChanges().forEach(b -> lines.add("      - " + b));
        }
        return lines;
    }

    private static List<String> estimate(PlanEstimate e) {
        String free = e.diskFree().isPresent() ? Units.bytes(e.diskFree().getAsLong()) + " free" : "free space unknown";
        return List.of(
                "estimate:",
                "  reads " + Units.bytes(e.bytesToRead()) + ", writes " + Units.bytes(e.bytesToWrite())
                        + ", backup " + Units.bytes(e.backupBytes()),
                "  disk needed " + Units.bytes(e.diskNeeded()) + ", " + free + ": "
                        + (e.fits() ? "enough" : "NOT ENOUGH, free some space first"),
                "  time about " + Units.duration(e.time()) + e.peakMemory().stream()
                        .mapToObj(m -> ", peak memory about " + Units.bytes(m)).findFirst().orElse(""),
                "  speeds " + e.basis());
    }

    /**
     * The record fields each step's record edits read and write, as {@code info --verbose} prints them: one line per
     * record rule that declares edits.
     *
     * @param plan the plan
     * @return the lines, empty when no step has record edits
     */
    static List<String> recordFields(MigrationPlan plan) {
        List<String> lines = new ArrayList<>();
        int number = 1;
        for (PlanStep step : plan.steps()) {
            for (MigrationRule rule : step.rules(RuleKind.DATA)) {
                if (rule instanceof RecordRule record && !record.edits().isEmpty()) {
                    lines.add("  step " + number + " " + rule.descriptor().id() + ": reads " + fields(record, true)
                            + "; writes " + fields(record, false));
                }
            }
            number++;
        }
        return lines;
    }

    /** The paths a record rule's edits read (or write), each once, in the order the edits name them. */
    static String fields(RecordRule rule, boolean reads) {
        java.util.LinkedHashSet<String> paths = new java.util.LinkedHashSet<>();
        rule.edits().forEach(e -> paths.addAll(reads ? e.reads() : e.writes()));
        return paths.isEmpty() ? "nothing" : String.join(", ", paths);
    }

    private static List<MigrationRule> runs(PlanStep step, Set<RuleKind> kinds) {
        return step.rules().stream().filter(r -> kinds.contains(r.descriptor().kind())).toList();
    }

    /**
     * The plan as JSON.
     *
     * @param plan     the plan
     * @param registry where the rules came from
     * @return the object
     */
    static ObjectNode json(MigrationPlan plan, RuleRegistry registry) {
        return json(plan, registry, EnumSet.allOf(RuleKind.class));
    }

    /**
     * The plan as JSON, listing only the rules of the given kinds.
     *
     * @param plan     the plan
     * @param registry where the rules came from
     * @param kinds    the kinds of rule that run
     * @return the object
     */
    static ObjectNode json(MigrationPlan plan, RuleRegistry registry, Set<RuleKind> kinds) {
        ObjectNode node = Output.object();
        node.put("product", plan.product());
        node.put("from", plan.from());
        node.put("to", plan.to());
        node.put("lossy", plan.lossy());
        ArrayNode steps = node.putArray("steps");
        for (PlanStep step : plan.steps()) {
            ObjectNode s = steps.addObject();
            s.put("from", step.from());
            s.put("to", step.to());
            s.put("edgeFrom", step.edgeFrom());
            s.put("lossy", step.lossy());
            ArrayNode rules = s.putArray("rules");
            for (MigrationRule rule : runs(step, kinds)) {
                RuleDescriptor d = rule.descriptor();
                ObjectNode r = rules.addObject();
                r.put("id", d.id());
                r.put("kind", d.kind().label());
                r.put("displayName", d.displayName());
                r.put("lossy", d.lossy());
                r.put("origin", registry.origin(d.id()).orElse(LoadedRuleSet.BUILT_IN));
                if (rule instanceof RecordRule record && !record.edits().isEmpty()) {
                    java.util.LinkedHashSet<String> reads = new java.util.LinkedHashSet<>();
                    java.util.LinkedHashSet<String> writes = new java.util.LinkedHashSet<>();
                    record.edits().forEach(e -> {
                        reads.addAll(e.reads());
                        writes.addAll(e.writes());
                    });
                    reads.forEach(r.putArray("reads")::add);
                    writes.forEach(r.putArray("writes")::add);
                }
            }
            ArrayNode breaking = s.putArray("breakingChanges");
            step.breakingChanges().forEach(breaking::add);
        }
        ArrayNode alternatives = node.putArray("alternatives");
        plan.alternatives().forEach(path -> {
            ArrayNode a = alternatives.addArray();
            path.forEach(a::add);
        });
        plan.estimate().ifPresentOrElse(e -> {
            ObjectNode est = node.putObject("estimate");
            est.put("bytesToRead", e.bytesToRead());
            est.put("bytesToWrite", e.bytesToWrite());
            est.put("backupBytes", e.backupBytes());
            est.put("diskNeeded", e.diskNeeded());
            if (e.diskFree().isPresent()) {
                est.put("diskFree", e.diskFree().getAsLong());
            } else {
                est.putNull("diskFree");
            }
            est.put("fits", e.fits());
            est.put("timeMillis", e.time().toMillis());
            if (e.peakMemory().isPresent()) {
                est.put("peakMemory", e.peakMemory().getAsLong());
            } else {
                est.putNull("peakMemory");
            }
            est.put("basis", e.basis());
        }, () -> node.putNull("estimate"));
        node.set("risks", RiskView.json(plan.risks()));
        return node;
    }
}
