package dev.verpath.engine.graph;

import dev.verpath.engine.plugin.RuleRegistry;
import java.util.List;

/**
 * One directed graph of versions per product, built from every loaded rule. Immutable.
 * (Placeholder signatures; the graph work fills them in.)
 */
public final class VersionGraph {

    private VersionGraph() {
    }

    /**
     * Builds the graphs of every product in the registry.
     *
     * @param registry the loaded rules
     * @return the graph
     */
    public static VersionGraph of(RuleRegistry registry) {
        throw new UnsupportedOperationException("version graph not built yet");
    }

    /** @return the product names, sorted */
    public List<String> products() {
        throw new UnsupportedOperationException();
    }

    /**
     * @param product a product
     * @return its known versions in semver order, oldest first
     */
    public List<String> versions(String product) {
        throw new UnsupportedOperationException();
    }

    /**
     * @param product a product
     * @return its edges, sorted by from, then to (semver order)
     */
    public List<GraphEdge> edges(String product) {
        throw new UnsupportedOperationException();
    }

    /** @return every product's graph as indented text, one edge a line */
    public String toText() {
        throw new UnsupportedOperationException();
    }

    /** @return every product's graph in Graphviz DOT */
    public String toDot() {
        throw new UnsupportedOperationException();
    }

    /** @return every product's graph as a Mermaid flowchart */
    public String toMermaid() {
        throw new UnsupportedOperationException();
    }
}
