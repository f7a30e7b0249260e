package dev.verpath.engine.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;

/**
 * One product's version graph as a read-only JGraphT graph of ints, for the planner's searches: vertex {@code v} is the
 * version of rank {@code v} (semver order, so comparing two vertices compares their versions), edge {@code e} is the
 * e-th edge in {@link VersionGraph#EDGE_ORDER}. Adjacency is kept in compressed rows (an offset per vertex into one
 * array of edge ids, out and in), built in O(V+E) from edges sorted by source: a JGraphT algorithm walks it without a
 * hash lookup or an object per edge. JGraphT's own {@code SparseIntDirectedGraph} (jgrapht-opt) is the same idea, but
 * builds its rows by sorting a boxed pair per edge and answers each adjacency query with a new {@code LinkedHashSet}:
 * 140 against 5 ms to build 105,546 edges, in the quick-compiler JVM {@code info} runs in.
 *
 * <p>A subgraph ({@link #keeping}) has the same vertices and keeps each edge's id. Immutable and thread-safe.
 */
public final class IndexedGraph extends AbstractGraph<Integer, Integer> {

    private static final GraphType TYPE = DefaultGraphType.directedMultigraph().asUnweighted().asUnmodifiable();

    private final List<String> versions;
    private final ToIntFunction<String> vertexOf;
    private final IntFunction<GraphEdge> edges;
    private final int[] source;
    private final int[] target;
    private final boolean[] lossy;
    private final int[] outStart;
    private final int[] outEdges;
    private final int[] inStart;
    private final int[] inEdges;

    private IndexedGraph(List<String> versions, ToIntFunction<String> vertexOf, IntFunction<GraphEdge> edges,
                         int[] source, int[] target, boolean[] lossy, int[] kept) {
        this.versions = versions;
        this.vertexOf = vertexOf;
        this.edges = edges;
        this.source = source;
        this.target = target;
        this.lossy = lossy;
        int n = versions.size();
        this.outStart = new int[n + 1];
        this.inStart = new int[n + 1];
        for (int e : kept) {
            outStart[source[e] + 1]++;
            inStart[target[e] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            outStart[v + 1] += outStart[v];
            inStart[v + 1] += inStart[v];
        }
        this.outEdges = kept; // sorted by source already: the rows are runs of it
        this.inEdges = new int[kept.length];
        int[] next = Arrays.copyOf(inStart, n);
        for (int e : kept) {
            inEdges[next[target[e]]++] = e;
        }
    }

    /**
     * @param versions each vertex's version text
     * @param vertexOf a version text's vertex, or -1
     * @param edges    each edge id's edge
     * @param source   each edge's source vertex, in non-decreasing order
     * @param target   each edge's target vertex
     * @param lossy    whether each edge is lossy
     * @return the graph of every edge
     */
    static IndexedGraph of(List<String> versions, ToIntFunction<String> vertexOf, IntFunction<GraphEdge> edges,
                           int[] source, int[] target, boolean[] lossy) {
        int[] all = new int[source.length];
        Arrays.setAll(all, e -> e);
        return new IndexedGraph(versions, vertexOf, edges, source, target, lossy, all);
    }

    /**
     * @param edge which edges to keep, by id
     * @return the subgraph of the same vertices and the edges kept, each with its id; O(V+E)
     */
    public IndexedGraph keeping(IntPredicate edge) {
        int[] kept = Arrays.stream(outEdges).filter(edge).toArray();
        return kept.length == outEdges.length ? this
                : new IndexedGraph(versions, vertexOf, edges, source, target, lossy, kept);
    }

    /** @return the subgraph without lossy edges (this graph when it has none) */
    public IndexedGraph lossless() {
        return keeping(e -> !lossy[e]);
    }

    /** @return how many vertices: the ids are 0 to this less one */
    public int vertexCount() {
        return versions.size();
    }

    /**
     * @param vertex a vertex
     * @return its version text
     */
    public String version(int vertex) {
        return versions.get(vertex);
    }

    /**
     * @param version a canonical version text
     * @return its vertex, or -1 when the graph has no such version
     */
    public int vertex(String version) {
        return vertexOf.applyAsInt(version);
    }

    /**
     * @param edge an edge id
     * @return the edge it stands for
     */
    public GraphEdge edge(int edge) {
        return edges.apply(edge);
    }

    /**
     * @param edge an edge id
     * @return its target vertex, without boxing
     */
    public int targetOf(int edge) {
        return target[edge];
    }

    @Override
    public Integer getEdgeSource(Integer e) {
        return source[e];
    }

    @Override
    public Integer getEdgeTarget(Integer e) {
        return target[e];
    }

    @Override
    public Set<Integer> outgoingEdgesOf(Integer vertex) {
        return new IdRun(outEdges, outStart[vertex], outStart[vertex + 1]);
    }

    @Override
    public Set<Integer> incomingEdgesOf(Integer vertex) {
        return new IdRun(inEdges, inStart[vertex], inStart[vertex + 1]);
    }

    @Override
    public int outDegreeOf(Integer vertex) {
        return outStart[vertex + 1] - outStart[vertex];
    }

    @Override
    public int inDegreeOf(Integer vertex) {
        return inStart[vertex + 1] - inStart[vertex];
    }

    @Override
    public int degreeOf(Integer vertex) {
        return inDegreeOf(vertex) + outDegreeOf(vertex);
    }

    @Override
    public Set<Integer> edgesOf(Integer vertex) {
        int[] both = Arrays.copyOfRange(inEdges, inStart[vertex], inStart[vertex + 1] + outDegreeOf(vertex));
        System.arraycopy(outEdges, outStart[vertex], both, inDegreeOf(vertex), outDegreeOf(vertex));
        Arrays.sort(both);
        return new IdRun(both, 0, both.length);
    }

    @Override
    public Set<Integer> vertexSet() {
        return IdRun.upTo(versions.size());
    }

    @Override
    public Set<Integer> edgeSet() {
        return new IdRun(outEdges, 0, outEdges.length);
    }

    @Override
    public boolean containsVertex(Integer v) {
        return v != null && v >= 0 && v < versions.size();
    }

    @Override
    public boolean containsEdge(Integer e) {
        return e != null && e >= 0 && e < source.length && outgoingEdgesOf(source[e]).contains(e);
    }

    @Override
    public Set<Integer> getAllEdges(Integer from, Integer to) {
        if (!containsVertex(from) || !containsVertex(to)) {
            return null;
        }
        int[] between = Arrays.stream(outEdges, outStart[from], outStart[from + 1]).filter(e -> target[e] == to).toArray();
        return new IdRun(between, 0, between.length);
    }

    @Override
    public Integer getEdge(Integer from, Integer to) {
        Set<Integer> between = getAllEdges(from, to);
        return between == null || between.isEmpty() ? null : between.iterator().next();
    }

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
