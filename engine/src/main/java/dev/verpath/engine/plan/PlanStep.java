package dev.verpath.engine.plan;

import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.RuleKind;
import java.util.List;
import java.util.Objects;

/**
 * One step of a plan: from one concrete version to the next, with the rules of the edge it takes.
 *
 * @param from            the concrete version the step starts at
 * @param to              the version it leads to
 * @param edgeFrom        the edge's declared origin (a version or a range such as {@code >=1.0.0 <2.0.0})
 * @param rules           the edge's rules, config first, then data, then model, each sorted by id
 * @param breakingChanges the breaking changes the rules declare, in rule order, without repeats
 * @param lossy           true when any rule of the edge is lossy
 */
public record PlanStep(
        String from,
        String to,
        String edgeFrom,
        List<MigrationRule> rules,
        List<String> breakingChanges,
        boolean lossy) {

    /** Copies the lists. */
    public PlanStep {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(edgeFrom, "edgeFrom");
        rules = List.copyOf(rules);
        breakingChanges = List.copyOf(breakingChanges);
    }

    /**
     * The step's rules of one kind, in run order.
     *
     * @param kind the kind
     * @return the rules, possibly empty
     */
    public List<MigrationRule> rules(RuleKind kind) {
        return rules.stream().filter(r -> r.descriptor().kind() == kind).toList();
    }
}
