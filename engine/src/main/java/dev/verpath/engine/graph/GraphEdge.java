package dev.verpath.engine.graph;

import java.util.List;
import java.util.Objects;

/**
 * One edge of a product's version graph between two concrete versions.
 *
 * @param product      the product
 * @param from         the concrete version the edge leaves
 * @param to           the version it reaches
 * @param declaredFrom the origin the rules declare (a version or a range)
 * @param lossy        true when any rule of the edge is lossy
 * @param ruleIds      the ids of the edge's rules, sorted
 */
public record GraphEdge(String product, String from, String to, String declaredFrom, boolean lossy, List<String> ruleIds) {

    /** Copies the list. */
    public GraphEdge {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(declaredFrom, "declaredFrom");
        ruleIds = List.copyOf(ruleIds);
    }

    /**
     * A hash of the version texts and origin alone (each caches its own), so a graph's lookups of an edge hash
     * cheaply (a record's own hash goes through method handles and hashes the rule ids too); {@link #equals}
     * still compares every component.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return ((product.hashCode() * 31 + from.hashCode()) * 31 + to.hashCode()) * 31 + declaredFrom.hashCode();
    }

    /**
     * Every component equal, compared without a record's method handles (costly in a JVM that compiles only with C1).
     *
     * @param other any object
     * @return whether it is an equal edge
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof GraphEdge e && e.from.equals(from) && e.to.equals(to)
                && e.declaredFrom.equals(declaredFrom) && e.product.equals(product) && e.lossy == lossy
                && e.ruleIds.equals(ruleIds);
    }
}
