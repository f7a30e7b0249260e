package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.verpath.engine.plan.MachineRequirements;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a product needs of the machine, checked here, as {@code info} shows it: text lines and JSON. */
final class RequirementsView {

    private RequirementsView() {
    }

    /**
     * @param product the product
     * @param results its requirements, checked
     * @return the lines, none when the product declares no requirement
     */
    static List<String> text(String product, List<MachineRequirements.Result> results) {
        List<String> lines = new ArrayList<>();
        if (!results.isEmpty()) {
            lines.add("what " + product + " needs of this machine (a run is refused when one is not met):");
            results.forEach(r -> lines.add("  " + r.describe() + " [" + r.origin() + "]"));
        }
        return lines;
    }

    /**
     * @param results the checked requirements
     * @param into    the array to add one object each to
     */
    static void json(List<MachineRequirements.Result> results, ArrayNode into) {
        for (MachineRequirements.Result r : results) {
            into.addObject().put("kind", r.requirement().kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .put("amount", r.requirement().amount()).put("command", r.requirement().command())
                    .put("reason", r.requirement().reason()).put("origin", r.origin()).put("status", r.status().key())
                    .put("found", r.found());
        }
    }
}
