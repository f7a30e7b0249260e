package dev.verpath.engine.plan;

import dev.verpath.engine.failure.NoPathFailure;
import dev.verpath.rules.MigrationException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Plans around the edges that known risks block on one installation: the fewest steps among the edges left, to the
 * target that would be chosen without the risks. When a blocked edge was on the path the planner would take without
 * them, the plan says so ({@link RiskReport#detour()}) and what that path costs; when no path is left, the failure
 * names each blocking risk and how to accept it.
 */
public final class RiskPlanning {

    private RiskPlanning() {
    }

    /**
     * @param planner    the planner
     * @param product    the product
     * @param from       the source version
     * @param to         the target version, when one was asked for
     * @param allowLossy whether lossy edges may be taken
     * @param risks      the product's risks, evaluated on the installation
     * @return the plan, with its risk report
     * @throws MigrationException as {@link FewestStepsPlanner#planTo} does, and with {@code NO_PATH} when only blocked
     *                            edges lead to the target
     */
    public static MigrationPlan planTo(FewestStepsPlanner planner, String product, String from, Optional<String> to,
                                       boolean allowLossy, List<RiskResult> risks) {
        List<RiskResult> blocking = risks.stream().filter(RiskResult::blocks).toList();
        if (blocking.isEmpty()) {
            return planner.planTo(product, from, to, allowLossy).withRisks(new RiskReport(risks, List.of(),
                    Optional.empty()));
        }
        MigrationPlan free = planner.planTo(product, from, to, allowLossy);
        List<RiskResult> detour = blocking.stream().filter(r -> free.steps().stream().anyMatch(s ->
                r.on(s.edgeFrom(), s.to()))).toList();
        if (detour.isEmpty()) {
            return free.withRisks(new RiskReport(risks, List.of(), Optional.empty()));
        }
        MigrationPlan constrained;
        try {
            constrained = planner.avoiding(EdgeRisks.blocking(blocking)).plan(product, free.from(), free.to(), allowLossy);
        } catch (NoPathFailure none) {
            throw new NoPathFailure(product + " " + free.from() + " -> " + free.to() + ": every path takes an edge blocked"
                    + " for this installation: " + describe(detour) + "; make " + (detour.size() == 1 ? "it" : "them")
                    + " not apply, or accept " + (detour.size() == 1 ? "it" : "them") + " with " + detour.stream().map(r -> "--accept-risk " + r.name())
                    .distinct().collect(Collectors.joining(" ")), product, NoPathFailure.Missing.PATH, List.of(), List.of());
        }
        return constrained.withRisks(new RiskReport(risks, detour, Optional.of(free.steps().size())));
    }

    /**
     * @param risks blocking risks
     * @return each as {@code 1.0.0 -> 2.0.0 by risk NAME (MESSAGE)}
     */
    public static String describe(List<RiskResult> risks) {
        return risks.stream().map(r -> r.edge() + " by risk " + r.name() + " (" + r.message()
                + r.reason().map(why -> "; undecided: " + why).orElse("") + ")").collect(Collectors.joining(", "));
    }
}
