package dev.verpath.engine.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * One known risk of an edge, as evaluated on one installation.
 *
 * @param product the product
 * @param from    the edge's declared source (a version or a range, normalized)
 * @param to      the edge's target
 * @param name    the risk's name
 * @param message what goes wrong, and how to make it not apply
 * @param url     where to read more, when the risk names a page
 * @param origin  the rule set that declares it ({@code built-in} or {@code plugin:<id>@<version>})
 * @param outcome what the evaluation found
 * @param reason  why it could not be decided, for {@link Outcome#UNDECIDED}
 */
public record RiskResult(String product, String from, String to, String name, String message, Optional<String> url,
                         String origin, Outcome outcome, Optional<String> reason) {

    /** What evaluating a risk on an installation found. */
    public enum Outcome {
        /** The risk applies: the edge is not taken. */
        APPLIES,
        /** The risk does not apply. */
        CLEAR,
        /** The condition failed or could not be decided: the edge is not taken (fail closed). */
        UNDECIDED,
        /** The risk applies (or could not be decided), and the operator accepted it by name: the edge may be taken. */
        ACCEPTED,
        /** No installation was named: nothing to evaluate against, so the edge is planned as usual. */
        NOT_EVALUATED;

        /** @return the word {@code info --json} uses */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Checks that nothing is null. */
    public RiskResult {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return whether it keeps its edge out of the plan */
    public boolean blocks() {
        return outcome == Outcome.APPLIES || outcome == Outcome.UNDECIDED;
    }

    /**
     * @param edgeFrom an edge's source as declared (a version or a range, normalized)
     * @param target   its target
     * @return whether this is a risk of that edge
     */
    public boolean on(String edgeFrom, String target) {
        return from.equals(edgeFrom) && to.equals(target);
    }

    /** @return the edge, as {@code 1.0.0 -> 2.0.0} */
    public String edge() {
        return from + " -> " + to;
    }
}
