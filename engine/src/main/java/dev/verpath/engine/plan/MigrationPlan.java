package dev.verpath.engine.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The path a migration takes: its steps in order, the alternatives the planner did not take, and,
 * when an installation was given, what it will cost. Immutable.
 *
 * @param product      the product
 * @param from         the concrete source version
 * @param to           the target version
 * @param steps        the steps in run order; empty when from equals to
 * @param alternatives other paths that reach the target, each as its list of versions from source to
 *                     target, fewest steps first, then in version order; excludes the chosen path
 * @param estimate     the cost on the installation, when one was given
 * @param risks        the known risks of the product's edges on the installation, and what they did to the plan
 */
public record MigrationPlan(
        String product,
        String from,
        String to,
        List<PlanStep> steps,
        List<List<String>> alternatives,
        Optional<PlanEstimate> estimate,
        RiskReport risks) {

    /** Copies the lists. */
    public MigrationPlan {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        steps = List.copyOf(steps);
        alternatives = alternatives.stream().map(List::copyOf).toList();
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(risks, "risks");
    }

    /**
     * A plan with no risks evaluated.
     *
     * @param product      the product
     * @param from         the concrete source version
     * @param to           the target version
     * @param steps        the steps in run order
     * @param alternatives other paths that reach the target
     * @param estimate     the cost on the installation, when one was given
     */
    public MigrationPlan(String product, String from, String to, List<PlanStep> steps, List<List<String>> alternatives,
                         Optional<PlanEstimate> estimate) {
        this(product, from, to, steps, alternatives, estimate, RiskReport.none());
    }

    /**
     * @param report the risks evaluated on the installation
     * @return this plan with them
     */
    public MigrationPlan withRisks(RiskReport report) {
        return new MigrationPlan(product, from, to, steps, alternatives, estimate, report);
    }

    /**
     * Whether any step is lossy.
     *
     * @return true when the plan loses information
     */
    public boolean lossy() {
        return steps.stream().anyMatch(PlanStep::lossy);
    }

    /**
     * The versions the plan passes, from source to target.
     *
     * @return the versions, at least the source
     */
    public List<String> versions() {
        List<String> versions = new java.util.ArrayList<>();
        versions.add(from);
        steps.forEach(s -> versions.add(s.to()));
        return List.copyOf(versions);
    }

    /**
     * This plan with an estimate.
     *
     * @param estimate the estimate
     * @return a new plan
     */
    public MigrationPlan withEstimate(PlanEstimate estimate) {
        return new MigrationPlan(product, from, to, steps, alternatives, Optional.of(estimate), risks);
    }
}
