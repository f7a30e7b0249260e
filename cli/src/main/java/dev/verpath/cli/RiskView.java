package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.plan.RiskReport;
import dev.verpath.engine.plan.RiskResult;
import java.util.ArrayList;
import java.util.List;

/** The known risks of a plan's edges on an installation, as text and as JSON. */
final class RiskView {

    private RiskView() {
    }

    /**
     * @param report the risks and what they did to the plan
     * @return the lines, empty when the product declares no risk
     */
    static List<String> text(RiskReport report) {
        List<String> lines = new ArrayList<>();
        if (report.results().isEmpty()) {
            return lines;
        }
        lines.add("known risks of the edges:");
        for (RiskResult r : report.results()) {
            lines.add("  " + r.edge() + "  " + r.name() + ": " + word(r) + r.reason().map(why -> " (" + why + ")")
                    .orElse(""));
            lines.add("    " + r.message() + r.url().map(u -> " (" + u + ")").orElse(""));
        }
        if (!report.detour().isEmpty()) {
            lines.add("  the path of fewest steps (" + report.bestSteps().orElse(0) + ") takes an edge a risk blocks;"
                    + " this plan goes around it. To take it, make the risk not apply, or accept it: "
                    + report.detour().stream().map(r -> "--accept-risk " + r.name()).distinct()
                    .reduce((a, b) -> a + " " + b).orElse(""));
        }
        return lines;
    }

    /**
     * @param report the risks
     * @return the JSON object
     */
    static ObjectNode json(RiskReport report) {
        ObjectNode node = Output.object();
        ArrayNode results = node.putArray("results");
        for (RiskResult r : report.results()) {
            ObjectNode o = results.addObject();
            o.put("edgeFrom", r.from()).put("to", r.to()).put("name", r.name()).put("outcome", r.outcome().word());
            o.put("blocks", r.blocks()).put("message", r.message());
            r.url().ifPresentOrElse(u -> o.put("url", u), () -> o.putNull("url"));
            r.reason().ifPresentOrElse(u -> o.put("reason", u), () -> o.putNull("reason"));
            o.put("origin", r.origin());
        }
        ArrayNode detour = node.putArray("detour");
        report.detour().forEach(r -> detour.add(r.name()));
        report.bestSteps().ifPresentOrElse(n -> node.put("bestSteps", n), () -> node.putNull("bestSteps"));
        return node;
    }

    private static String word(RiskResult r) {
        return switch (r.outcome()) {
            case APPLIES -> "applies to this installation: the edge is not taken";
            case CLEAR -> "does not apply";
            case UNDECIDED -> "could not be decided: the edge is not taken";
            case ACCEPTED -> "accepted (--accept-risk): the edge may be taken";
            case NOT_EVALUATED -> "not evaluated (no installation named: give --path)";
        };
    }
}
