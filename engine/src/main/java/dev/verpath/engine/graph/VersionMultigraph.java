package dev.verpath.engine.graph;

import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DefaultGraphType;

/**
 * A JGraphT directed multigraph of version texts and {@link GraphEdge}s without the index of edges by pair of
 * vertices that JGraphT keeps by default ({@code FastLookupGraphSpecificsStrategy}): no search of the planner asks
 * for the edges between two given versions, and that index costs an object and a hash per edge to build. Edges
 * out of a vertex keep the order they were added in.
 */
final class VersionMultigraph extends AbstractBaseGraph<String, GraphEdge> {

    private static final long serialVersionUID = 1L;

    VersionMultigraph() {
        super(null, null, DefaultGraphType.directedMultigraph(), new DefaultGraphSpecificsStrategy<>());
    }
}
