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
}
