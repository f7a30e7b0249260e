package dev.verpath.engine.graph;

import java.util.Arrays;

/**
 * Compressed rows of a graph's edges by one end: an offset per vertex into one array of edge ids, the edges at vertex
 * {@code v} being {@code edges[start[v]]} up to {@code edges[start[v + 1]]}, each row ascending. Built in O(V+E) in
 * plain loops (no call an edge: in the quick-compiler JVM {@code info} runs in, a loop runs interpreted for its first tens of
 * thousands of rounds). Immutable.
 *
 * @param start  each vertex's offset, and the number of edges last
 * @param edges  the edge ids, row after row; null when they are the kept edges themselves ({@link #bySource})
 */
record AdjacencyRows(int[] start, int[] edges) {

    /**
     * The rows by source of edges kept in ascending order, which are sorted by source already: only the offsets.
     *
     * @param kept     the edges kept, ascending; null for every edge
     * @param count    how many are kept
     * @param source   each edge's source
     * @param vertices how many vertices
     * @return the rows, their ids the kept edges ({@code null})
     */
    static AdjacencyRows bySource(int[] kept, int count, int[] source, int vertices) {
        return new AdjacencyRows(offsets(kept, count, source, vertices), null);
    }

    /**
     * @param kept     the edges kept, ascending; null for every edge
     * @param count    how many are kept
     * @param target   each edge's target
     * @param vertices how many vertices
     * @return the rows by target
     */
    static AdjacencyRows byTarget(int[] kept, int count, int[] target, int vertices) {
        int[] start = offsets(kept, count, target, vertices);
        int[] ids = new int[count];
        int[] next = Arrays.copyOf(start, vertices);
        if (kept == null) { // two loops, not a test an edge: the quick compiler does not hoist it
            for (int e = 0; e < count; e++) {
                ids[next[target[e]]++] = e;
            }
        } else {
            for (int i = 0; i < count; i++) {
                int e = kept[i];
                ids[next[target[e]]++] = e;
            }
        }
        return new AdjacencyRows(start, ids);
    }

    private static int[] offsets(int[] kept, int count, int[] end, int vertices) {
        int[] start = new int[vertices + 1];
        if (kept == null) {
            for (int e = 0; e < count; e++) {
                start[end[e] + 1]++;
            }
        } else {
            for (int i = 0; i < count; i++) {
                start[end[kept[i]] + 1]++;
            }
        }
        for (int v = 0; v < vertices; v++) {
            start[v + 1] += start[v];
        }
        return start;
    }

    /** @return how many edges vertex {@code v} has in these rows */
    int degree(int v) {
        return start[v + 1] - start[v];
    }
}
