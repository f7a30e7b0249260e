package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.ValidationReport;
import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A validation report grouped by category ({@code schema}, {@code integrity}, ...), as text and JSON. */
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
        String head = "validate " + report.product() + " " + report.version() + ": ";
        if (report.findings().isEmpty()) {
            lines.add(head + "no findings, the installation is valid");
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
        return lines;
    }

    private static String where(Finding f) {
        String path = f.path().isEmpty() ? "." : f.path();
        return path + f.location().map(l -> ":" + l).orElse("");
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
        return node;
    }
}
