package dev.verpath.engine.graph;

import com.github.zafarkhaja.semver.Version;
import dev.verpath.rules.MigrationRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;

/**
 * One product's part of a {@link VersionGraph}, built when first asked for: its {@link DeclaredEdges} laid on its known
 * versions (a range on each version it covers) as arrays of ranks in {@link VersionGraph#EDGE_ORDER}, and the
 * {@link IndexedGraph} the planner searches. The {@link GraphEdge} objects, and the JGraphT graph of version texts the
 * lint and the renderers read, are made only when asked for. Immutable and thread-safe once built (the edges made on
 * demand are immutable values; two threads may make the same one).
 *
 * <p>Building takes O(R log R + V log V + V·Q + E log E) for R rules, V known versions, Q range edges and E edges.
 */
final class ProductGraph {

    private final String product;
    private final DeclaredEdges declared;
    private final int[] from;
    private final int[] to;
    private final int[] group;
    private final GraphEdge[] made;
    private final IndexedGraph indexed;
    private final Comparator<String> order;
    private volatile Graph<String, GraphEdge> graph;

    private ProductGraph(String product, DeclaredEdges declared, int[][] laid) {
        this.product = product;
        this.declared = declared;
        this.from = laid[0];
        this.to = laid[1];
        this.group = laid[2];
        this.made = new GraphEdge[from.length];
        this.indexed = IndexedGraph.of(declared.versions(), declared::rank, this::edge, from, to, group,
                declared.lossy());
        this.order = (a, b) -> {
            int ra = declared.rank(a);
            int rb = declared.rank(b);
            return ra >= 0 && rb >= 0 ? Integer.compare(ra, rb) : VersionText.ORDER.compare(a, b);
        };
    }

    /**
     * Builds a product's graph from its rules.
     *
     * @param product      the product
     * @param productRules its rules with their versions
     * @param distinct     how many distinct versions every rule declares
     * @param all          every rule the graph is built from
     * @return the graph
     */
    static ProductGraph fresh(String product, ProductRules productRules, int distinct, List<MigrationRule> all) {
        DeclaredEdges declared = new DeclaredEdges(productRules, distinct, all);
        return new ProductGraph(product, declared, laid(declared));
    }

    /**
     * A product's graph as an index kept it; its rules are checked when first looked up ({@link RuleList}).
     *
     * @param product  the product
     * @param compiled what a fresh build computed ({@link #compiled})
     * @param all      every rule the graph is built from
     * @return the graph
     */
    static ProductGraph of(String product, CompiledGraph compiled, List<MigrationRule> all) {
        return new ProductGraph(product, new DeclaredEdges(product, compiled, all),
                new int[][] {compiled.from(), compiled.to(), compiled.group()});
    }

    /** @return what this graph's build computed, for an index */
    CompiledGraph compiled() {
        return declared.compiled(from, to, group);
    }

    /** @return from ranks, to ranks and declared edges of the laid edges, in edge order */
    private static int[][] laid(DeclaredEdges declared) {
        int v = declared.versions().size();
        EdgeList list = new EdgeList();
        for (int g = 0; g < declared.count(); g++) {
            int target = declared.to(g);
            Optional<VersionRange> range = declared.range(g);
            if (range.isEmpty()) {
                list.add(declared.origin(g), target, g);
                continue;
            }
            int i = range.get().lowest().map(low -> firstAtLeast(declared, low)).orElse(0);
            Optional<Version> highest = range.get().highest();
            for (; i < v && (highest.isEmpty() || declared.parsed(i).compareTo(highest.get()) <= 0); i++) {
                if (i != target && range.get().contains(declared.parsed(i))) {
                    list.add(i, target, g);
                }
            }
        }
        long[] keys = new long[list.size];
        for (int e = 0; e < keys.length; e++) {
            keys[e] = (long) list.from[e] * v + list.to[e];
        }
        // parallel edges: by declared origin text, as EDGE_ORDER
        int[] sorted = KeyOrder.of(keys, Comparator.comparing(i -> declared.declaredFrom(list.group[i])));
        int[][] laid = new int[3][sorted.length];
        for (int e = 0; e < sorted.length; e++) {
            laid[0][e] = list.from[sorted[e]];
            laid[1][e] = list.to[sorted[e]];
            laid[2][e] = list.group[sorted[e]];
        }
        return laid;
    }

    /** Edges as they are laid: three growing int arrays. */
    private static final class EdgeList {
        private int[] from = new int[16];
        private int[] to = new int[16];
        private int[] group = new int[16];
        private int size;

        void add(int f, int t, int g) {
            if (size == from.length) {
                from = Arrays.copyOf(from, size * 2);
                to = Arrays.copyOf(to, size * 2);
                group = Arrays.copyOf(group, size * 2);
            }
            from[size] = f;
            to[size] = t;
            group[size++] = g;
        }
    }

    /** @return the rank of the first known version not below {@code low} in precedence (build metadata aside) */
    private static int firstAtLeast(DeclaredEdges declared, Version low) {
        int lo = 0;
        int hi = declared.versions().size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (declared.parsed(mid).compareTo(low) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** @return laid edge {@code e} as an edge value, made the first time it is asked for */
    GraphEdge edge(int e) {
        GraphEdge edge = made[e];
        if (edge == null) {
            edge = edgeFrom(declared.versions().get(from[e]), group[e]);
            made[e] = edge;
        }
        return edge;
    }

    private GraphEdge edgeFrom(String version, int g) {
        return new GraphEdge(product, version, declared.versions().get(declared.to(g)), declared.declaredFrom(g),
                declared.lossy(g), declared.ruleIds(g));
    }

    List<String> versions() {
        return declared.versions();
    }

    boolean hasVersion(String version) {
        return declared.rank(version) >= 0;
    }

    /** @return each range edge as {@code RANGE -> TO}, sorted */
    List<String> rangeEdges() {
        List<String> list = new ArrayList<>();
        for (int g = 0; g < declared.count(); g++) {
            if (declared.range(g).isPresent()) {
                list.add(declared.declaredFrom(g) + " -> " + declared.versions().get(declared.to(g)));
            }
        }
        return list.stream().sorted().toList();
    }

    /**
     * @param version a canonical version text
     * @return the edges leaving it, in edge order: the graph's own for a known version, else one for each range edge
     *         covering it
     */
    List<GraphEdge> edgesFrom(String version) {
        int rank = declared.rank(version);
        if (rank >= 0) {
            return indexed.outgoingEdgesOf(rank).stream().map(this::edge).toList();
        }
        return covering(version).stream().map(g -> edgeFrom(version, g)).toList();
    }

    /** @return the range edges covering a version the graph lacks (not leading to it), in {@link #edgesFrom}'s order */
    private List<Integer> covering(String version) {
        Version parsed = Version.parse(version);
        List<Integer> list = new ArrayList<>();
        for (int g = 0; g < declared.count(); g++) {
            Optional<VersionRange> range = declared.range(g);
            if (range.isPresent() && !declared.versions().get(declared.to(g)).equals(version) && range.get().contains(parsed)) {
                list.add(g);
            }
        }
        list.sort(Comparator.comparingInt(declared::to).thenComparing(declared::declaredFrom));
        return list;
    }

    /** @return the rules of the edge declared from {@code declaredFrom} to {@code to}, in run order; empty for none */
    List<MigrationRule> rules(String declaredFrom, String to) {
        int g = declared.find(declaredFrom, to);
        return g < 0 ? List.of() : declared.rules(g);
    }

    /** @return every edge, in edge order */
    List<GraphEdge> edges() {
        List<GraphEdge> list = new ArrayList<>(from.length);
        for (int e = 0; e < from.length; e++) {
            list.add(edge(e));
        }
        return List.copyOf(list);
    }

    /** @return the JGraphT graph of version texts, made the first time it is asked for */
    Graph<String, GraphEdge> graph() {
        Graph<String, GraphEdge> g = graph;
        if (g == null) {
            Graph<String, GraphEdge> built = new VersionMultigraph();
            versions().forEach(built::addVertex);
            edges().forEach(e -> built.addEdge(e.from(), e.to(), e));
            g = new AsUnmodifiableGraph<>(built);
            graph = g;
        }
        return g;
    }

    /** @return the graph of ranks the planner searches */
    IndexedGraph indexed() {
        return indexed;
    }

    /**
     * @param source a canonical version text
     * @return the graph of ranks the planner searches from {@code source}: {@link #indexed} for a known version, else
     *         that graph with one more vertex, the source, and its edges from {@link #edgesFrom} (made on demand)
     */
    IndexedGraph indexedFrom(String source) {
        if (hasVersion(source)) {
            return indexed;
        }
        List<Integer> leaving = covering(source);
        int v = versions().size();
        int e = from.length;
        int[] sources = Arrays.copyOf(from, e + leaving.size());
        int[] targets = Arrays.copyOf(to, e + leaving.size());
        int[] groups = Arrays.copyOf(group, e + leaving.size());
        for (int i = 0; i < leaving.size(); i++) {
            sources[e + i] = v;
            targets[e + i] = declared.to(leaving.get(i));
            groups[e + i] = leaving.get(i);
        }
        List<String> vertices = new ArrayList<>(versions());
        vertices.add(source);
        return IndexedGraph.of(List.copyOf(vertices), text -> text.equals(source) ? v : declared.rank(text),
                id -> id < e ? edge(id) : edgeFrom(source, groups[id]), sources, targets, groups, declared.lossy());
    }

    /** @return semver order: a comparison of ranks for known versions, of parsed text for others */
    Comparator<String> order() {
        return order;
    }
}
