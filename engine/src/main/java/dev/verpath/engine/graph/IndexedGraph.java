package dev.verpath.engine.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;

/**
 * One product's version graph as a read-only JGraphT graph of ints, for the planner's searches: vertex {@code v} is the
 * version of rank {@code v} (semver order, so comparing two vertices compares their versions), edge {@code e} is the
 * e-th edge in {@link VersionGraph#EDGE_ORDER}. Adjacency is kept in compressed rows (an offset per vertex into one
 * array of edge ids, out and in), built in O(V+E) from edges sorted by source: a JGraphT algorithm walks it without a
 * hash lookup or an object per edge; each kind of row is made when first asked for (a search backwards reads only the
 * in rows, one forwards only the out rows). JGraphT's own {@code SparseIntDirectedGraph} (jgrapht-opt) is the same
 * idea, but builds its rows by sorting a boxed pair per edge and answers each adjacency query with a new {@code LinkedHashSet}:
 * 140 against 5 ms to build 105,546 edges, in the quick-compiler JVM {@code info} runs in.
 *
 * <p>A subgraph ({@link #keeping}) has the same vertices and keeps each edge's id. Immutable and thread-safe.
 */
public final class IndexedGraph extends ReadOnlyIntGraph {

    private final List<String> versions;
    private final ToIntFunction<String> vertexOf;
    private final IntFunction<GraphEdge> edges;
    private final int[] source;
    private final int[] target;
    private final int[] group;
    private final boolean[] lossy;
    /** The edges kept, ascending (so sorted by source: the out rows are runs of it); null for every edge. */
    private final int[] kept;
    private final int keptCount;
    /**
     * Each vertex as one {@code Integer}, shared with the subgraphs: a search on JGraphT asks an edge's ends as
     * objects, and the same object each time saves the boxing and makes its hash look-ups identity hits.
     */
    private final Integer[] vertexObjects;
    private volatile AdjacencyRows out;
    private volatile AdjacencyRows in;

    private IndexedGraph(List<String> versions, ToIntFunction<String> vertexOf, IntFunction<GraphEdge> edges,
                         int[] source, int[] target, int[] group, boolean[] lossy, int[] kept, Integer[] vertexObjects) {
        this.versions = versions;
        this.vertexOf = vertexOf;
        this.edges = edges;
        this.source = source;
        this.target = target;
        this.group = group;
        this.lossy = lossy;
        this.kept = kept;
        this.keptCount = kept == null ? source.length : kept.length;
        this.vertexObjects = vertexObjects;
    }

    /**
     * @param versions each vertex's version text
     * @param vertexOf a version text's vertex, or -1
     * @param edges    each edge id's edge
     * @param source   each edge's source vertex, in non-decreasing order
     * @param target   each edge's target vertex
     * @param group    each edge's declared edge
     * @param lossy    whether each declared edge is lossy
     * @return the graph of every edge
     */
    static IndexedGraph of(List<String> versions, ToIntFunction<String> vertexOf, IntFunction<GraphEdge> edges,
                           int[] source, int[] target, int[] group, boolean[] lossy) {
        Integer[] vertexObjects = new Integer[versions.size()];
        for (int v = 0; v < vertexObjects.length; v++) {
            vertexObjects[v] = v;
        }
        return new IndexedGraph(versions, vertexOf, edges, source, target, group, lossy, null, vertexObjects);
    }

    /** @return the i-th edge kept */
    private int keptEdge(int i) {
        return kept == null ? i : kept[i];
    }

    /** @return the out rows, made the first time they are asked for (a search backwards needs none); O(V+E) */
    private AdjacencyRows out() {
        AdjacencyRows rows = out;
        if (rows == null) {
            rows = AdjacencyRows.bySource(kept, keptCount, source, versions.size());
            out = rows;
        }
        return rows;
    }

    /** @return the in rows, made the first time they are asked for (a search forwards needs none); O(V+E) */
    private AdjacencyRows in() {
        AdjacencyRows rows = in;
        if (rows == null) {
            rows = AdjacencyRows.byTarget(kept, keptCount, target, versions.size());
            in = rows;
        }
        return rows;
    }

    /**
     * @param edge which edges to keep, by id
     * @return the subgraph of the same vertices and the edges kept, each with its id; O(V+E)
     */
    public IndexedGraph keeping(IntPredicate edge) {
        int[] chosen = new int[keptCount];
        int n = 0;
        for (int i = 0; i < keptCount; i++) {
            int e = keptEdge(i);
            if (edge.test(e)) {
                chosen[n++] = e;
            }
        }
        return subgraph(chosen, n);
    }

    /** @return the subgraph without lossy edges (this graph when it has none); O(V+E) */
    public IndexedGraph lossless() {
        int[] chosen = new int[keptCount];
        int n = 0;
        if (kept == null) { // no call an edge: costly before the loop is compiled
            for (int e = 0; e < keptCount; e++) {
                if (!lossy[group[e]]) {
                    chosen[n++] = e;
                }
            }
        } else {
            for (int e : kept) {
                if (!lossy[group[e]]) {
                    chosen[n++] = e;
                }
            }
        }
        return subgraph(chosen, n);
    }

    private IndexedGraph subgraph(int[] chosen, int n) {
        return n == keptCount ? this
                : new IndexedGraph(versions, vertexOf, edges, source, target, group, lossy, Arrays.copyOf(chosen, n),
                        vertexObjects);
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
        return vertexObjects[source[e]];
    }

    @Override
    public Integer getEdgeTarget(Integer e) {
        return vertexObjects[target[e]];
    }

    @Override
    public Set<Integer> outgoingEdgesOf(Integer vertex) {
        AdjacencyRows rows = out();
        return new IdRun(kept, rows.start()[vertex], rows.start()[vertex + 1]);
    }

    @Override
    public Set<Integer> incomingEdgesOf(Integer vertex) {
        AdjacencyRows rows = in();
        return new IdRun(rows.edges(), rows.start()[vertex], rows.start()[vertex + 1]);
    }

    @Override
    public int outDegreeOf(Integer vertex) {
        return out().degree(vertex);
    }

    @Override
    public int inDegreeOf(Integer vertex) {
        return in().degree(vertex);
    }

    @Override
    public int degreeOf(Integer vertex) {
        return inDegreeOf(vertex) + outDegreeOf(vertex);
    }

    @Override
    public Set<Integer> edgesOf(Integer vertex) {
        AdjacencyRows ins = in();
        int first = out().start()[vertex];
        int[] both = Arrays.copyOfRange(ins.edges(), ins.start()[vertex], ins.start()[vertex] + ins.degree(vertex)
                + outDegreeOf(vertex));
        for (int i = 0; i < outDegreeOf(vertex); i++) {
            both[ins.degree(vertex) + i] = keptEdge(first + i);
        }
        Arrays.sort(both);
        return new IdRun(both, 0, both.length);
    }

    @Override
    public Set<Integer> vertexSet() {
        return IdRun.upTo(versions.size());
    }

    @Override
    public Set<Integer> edgeSet() {
        return new IdRun(kept, 0, keptCount);
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
        int[] start = out().start();
        int[] between = new int[start[from + 1] - start[from]];
        int n = 0;
        for (int i = start[from]; i < start[from + 1]; i++) {
            if (target[keptEdge(i)] == to) {
                between[n++] = keptEdge(i);
            }
        }
        return new IdRun(between, 0, n);
    }

    @Override
    public Integer getEdge(Integer from, Integer to) {
        Set<Integer> between = getAllEdges(from, to);
        return between == null || between.isEmpty() ? null : between.iterator().next();
    }
}
