package dev.verpath.engine.plan;

import java.util.List;
import java.util.Optional;

/**
 * The known risks of a product's edges on one installation, and what they did to the plan.
 *
 * @param results   every risk of the product, in declaration order
 * @param detour    the risks that blocked an edge of the path the planner would take without them (empty when the
 *                  plan is the same as without risks)
 * @param bestSteps the steps of that path, when there is one
 */
public record RiskReport(List<RiskResult> results, List<RiskResult> detour, Optional<Integer> bestSteps) {

    /** Copies the lists. */
    public RiskReport {
        results = List.copyOf(results);
        detour = List.copyOf(detour);
        java.util.Objects.requireNonNull(bestSteps, "bestSteps");
    }

    /** @return no risks */
    public static RiskReport none() {
        return new RiskReport(List.of(), List.of(), Optional.empty());
    }

    /** @return the risks accepted by name, for the history */
    public List<String> accepted() {
        return results.stream().filter(r -> r.outcome() == RiskResult.Outcome.ACCEPTED).map(RiskResult::name)
                .distinct().toList();
    }
}
