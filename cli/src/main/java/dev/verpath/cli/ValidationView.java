package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.validate.FileLocation;
import dev.verpath.engine.validate.Repair;
import dev.verpath.engine.validate.ValidationReport;
import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A validation report grouped by category ({@code schema}, {@code integrity}, ...), then what {@code --repair} did,
 * as text and JSON.
 */
final class ValidationView {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity)
            .thenComparing(Finding::path)
            .thenComparing(f -> f.location().orElse(""))
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    private ValidationView() {
    }

    private static Map<ValidationCategory, List<Finding>> grouped(ValidationReport report) {
        Map<ValidationCategory, List<Finding>> groups = new EnumMap<>(ValidationCategory.class);
        report.findings().stream().sorted(ORDER)
                .forEach(f -> groups.computeIfAbsent(f.category(), c -> new ArrayList<>()).add(f));
        return groups;
    }

    private static Map<Severity, Long> counts(ValidationReport report) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0L);
        }
        counts.putAll(report.findings().stream().collect(Collectors.groupingBy(Finding::severity, Collectors.counting())));
        return counts;
    }

    /**
     * The report as text lines.
     *
     * @param report the report
     * @return the lines
     */
    static List<String> text(ValidationReport report) {
        List<String> lines = new ArrayList<>();
        String head = "validate " + report.product() + " " + report.version() + scope(report) + ": ";
        if (report.findings().isEmpty()) {
            lines.add(head + "no findings, the installation is valid");
            repairs(report, lines);
            return lines;
        }
        Map<Severity, Long> counts = counts(report);
        lines.add(head + counts.get(Severity.ERROR) + " errors, " + counts.get(Severity.WARNING) + " warnings, "
                + counts.get(Severity.INFO) + " notes" + (report.hasErrors() ? ": NOT valid" : ": valid"));
        grouped(report).forEach((category, findings) -> {
            lines.add(category.label() + ":");
            for (Finding f : findings) {
                lines.add(String.format(java.util.Locale.ROOT, "  %-7s %s: %s", f.severity().label(), where(f), f.message()));
                lines.add("          fix: " + f.remedy() + " (" + f.ruleId() + ")");
            }
        });
        repairs(report, lines);
        return lines;
    }

    /** What the header says beyond product and version: the categories when not all, and strictness. */
    private static String scope(ValidationReport report) {
        String text = "";
        if (report.categories().size() < ValidationCategory.values().length) {
            text += " (" + report.categories().stream().map(ValidationCategory::label).collect(Collectors.joining(", ")) + " only)";
        }
        return report.strict() ? text + " (strict: warnings are errors)" : text;
    }

    private static void repairs(ValidationReport report, List<String> lines) {
        if (report.repairs().isEmpty()) {
            return;
        }
        long repaired = report.repairs().stream().filter(Repair::repaired).count();
        lines.add("repairs: " + repaired + " repaired, " + (report.repairs().size() - repaired) + " not repaired");
        for (Repair r : report.repairs()) {
            lines.add(String.format(java.util.Locale.ROOT, "  %-12s %s: %s", r.repaired() ? "repaired" : "NOT repaired",
                    r.path(), r.message()));
        }
    }

    private static String where(Finding f) {
        return (f.path().isEmpty() ? "." : f.path()) + FileLocation.suffix(f.location());
    }

    /**
     * The report as JSON.
     *
     * @param report the report
     * @return the object
     */
    static ObjectNode json(ValidationReport report) {
        ObjectNode node = Output.object();
        node.put("product", report.product());
        node.put("version", report.version());
        node.put("valid", !report.hasErrors());
        node.put("strict", report.strict());
        ArrayNode checked = node.putArray("categories");
        report.categories().forEach(c -> checked.add(c.label()));
        ObjectNode counts = node.putObject("counts");
        counts(report).forEach((s, n) -> counts.put(s.label(), n));
        ObjectNode categories = node.putObject("findings");
        grouped(report).forEach((category, findings) -> {
            ArrayNode list = categories.putArray(category.label());
            for (Finding f : findings) {
                ObjectNode o = list.addObject();
                o.put("severity", f.severity().label());
                o.put("ruleId", f.ruleId());
                o.put("path", f.path());
                f.location().ifPresentOrElse(l -> o.put("location", l), () -> o.putNull("location"));
                o.put("message", f.message());
                o.put("remedy", f.remedy());
            }
        });
        ArrayNode repairs = node.putArray("repairs");
        for (Repair r : report.repairs()) {
            ObjectNode o = repairs.addObject();
            o.put("path", r.path());
            o.put("repaired", r.repaired());
            r.backupId().ifPresentOrElse(id -> o.put("backupId", id), () -> o.putNull("backupId"));
            o.put("message", r.message());
        }
        return node;
    }
}
