package dev.verpath.engine.graph;

/**
 * A product's graph read from an index ({@link GraphStore}) names rules that are not the loaded ones at their places:
 * a rule set whose {@code rules()} is not the same from one run to the next under the same code. Never a failure of a
 * command: whoever catches it asks {@link VersionGraph#discardIndex} for the fresh graph and asks again. Thrown only by
 * the graph of an index, the first time the rules of an edge are looked up.
 */
public final class GraphIndexMismatch extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** No message, no stack: a signal between the graph and its reader. */
    GraphIndexMismatch() {
        super("the version graph's index does not name the loaded rules", null, false, false);
    }
}
