package dev.verpath.engine.graph;

import java.util.function.Supplier;
import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;

/**
 * A read-only, unweighted JGraphT directed multigraph of int vertices and edges: every change is refused with an
 * {@link UnsupportedOperationException}. The graph's own structure is the subclass's ({@link IndexedGraph}).
 */
abstract class ReadOnlyIntGraph extends AbstractGraph<Integer, Integer> {

    private static final GraphType TYPE = DefaultGraphType.directedMultigraph().asUnweighted().asUnmodifiable();

    @Override
    public GraphType getType() {
        return TYPE;
    }

    @Override
    public double getEdgeWeight(Integer e) {
        return DEFAULT_EDGE_WEIGHT;
    }

    @Override
    public Supplier<Integer> getVertexSupplier() {
        return null;
    }

    @Override
    public Supplier<Integer> getEdgeSupplier() {
        return null;
    }

    @Override
    public Integer addEdge(Integer from, Integer to) {
        throw readOnly();
    }

    @Override
    public boolean addEdge(Integer from, Integer to, Integer e) {
        throw readOnly();
    }

    @Override
    public Integer addVertex() {
        throw readOnly();
    }

    @Override
    public boolean addVertex(Integer v) {
        throw readOnly();
    }

    @Override
    public Integer removeEdge(Integer from, Integer to) {
        throw readOnly();
    }

    @Override
    public boolean removeEdge(Integer e) {
        throw readOnly();
    }

    @Override
    public boolean removeVertex(Integer v) {
        throw readOnly();
    }

    @Override
    public void setEdgeWeight(Integer e, double weight) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("a version graph is read-only");
    }
}
