package dev.verpath.engine.graph;

import com.github.zafarkhaja.semver.Version;
import dev.verpath.rules.MigrationRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;

/**
 * One product's part of a {@link VersionGraph}, built when first asked for: its known versions in semver order
 * (each parsed once, so ordering afterwards compares ranks), its declared edges laid on them, and the JGraphT
 * graph. Immutable and thread-safe once built.
 *
 * <p>Building takes O(V log V + V·Q + E log E) for V known versions, Q range edges and E edges.
 */
final class ProductGraph {

    /** The rules of one declared from (version or normal-form range) and to, before they are laid on versions. */
    record Declared(String product, String declaredFrom, String to, Optional<VersionRange> range, boolean lossy,
                    List<String> ruleIds, List<MigrationRule> rules) {
    }

    /**
     * Where the rules of an edge declare it from (a version or a range in normal form) and where it leads; hashed and
     * compared without a record's method handles, which cost much per call in a JVM that compiles only with C1.
     */
    record Key(String declaredFrom, String to) {
        @Override
        public int hashCode() {
            return declaredFrom.hashCode() * 31 + to.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.declaredFrom.equals(declaredFrom) && k.to.equals(to);
        }
    }

    private final List<String> versions;
    private final Map<String, Integer> rank;
    private final List<Declared> declared;
    private final Map<Key, Declared> byKey;
    private final List<GraphEdge> edges;
    private final Graph<String, GraphEdge> graph;
    private final Comparator<String> order;
    private final Comparator<GraphEdge> edgeOrder;

    /**
     * @param known    every known version of the product, canonical text with its parsed version
     * @param declared the product's declared edges, sorted by declared from, then to (text order)
     */
    ProductGraph(Map<String, Version> known, List<Declared> declared) {
        List<Map.Entry<String, Version>> sorted = new ArrayList<>(known.entrySet());
        sorted.sort(Map.Entry.comparingByValue(Version.BUILD_AWARE_ORDER));
        List<String> list = new ArrayList<>(sorted.size());
        Map<String, Integer> ranks = new HashMap<>(sorted.size() * 2);
        for (Map.Entry<String, Version> entry : sorted) {
            ranks.put(entry.getKey(), list.size());
            list.add(entry.getKey());
        }
        this.versions = List.copyOf(list);
        this.rank = ranks;
        this.declared = List.copyOf(declared);
        this.byKey = new HashMap<>(declared.size() * 2);
        declared.forEach(d -> byKey.put(new Key(d.declaredFrom(), d.to()), d));
        this.order = (a, b) -> {
            Integer ra = rank.get(a);
            Integer rb = rank.get(b);
            return ra != null && rb != null ? Integer.compare(ra, rb) : VersionText.ORDER.compare(a, b);
        };
        this.edgeOrder = Comparator.comparing(GraphEdge::from, order).thenComparing(GraphEdge::to, order)
                .thenComparing(GraphEdge::declaredFrom);
        this.edges = laid(sorted);
        Graph<String, GraphEdge> g = new VersionMultigraph();
        versions.forEach(g::addVertex);
        edges.forEach(e -> g.addEdge(e.from(), e.to(), e));
        this.graph = new AsUnmodifiableGraph<>(g);
    }

    /**
     * @return the declared edges laid on the known versions (a range on each version it covers), in edge order: sorted
     *         by the ranks of from and to as numbers, then by declared origin among edges joining the same versions
     */
    private List<GraphEdge> laid(List<Map.Entry<String, Version>> known) {
        List<GraphEdge> list = new ArrayList<>();
        for (Declared group : declared) {
            if (group.range().isEmpty()) {
                list.add(edge(group, group.declaredFrom()));
            } else {
                VersionRange range = group.range().get();
                int from = range.lowest().map(low -> firstAtLeast(known, low)).orElse(0);
                for (int i = from; i < known.size(); i++) {
                    Map.Entry<String, Version> v = known.get(i);
                    if (range.highest().filter(high -> v.getValue().compareTo(high) > 0).isPresent()) {
                        break;
                    }
                    if (!v.getKey().equals(group.to()) && range.contains(v.getValue())) {
                        list.add(edge(group, v.getKey()));
                    }
                }
            }
        }
        long size = Math.max(1, list.size());
        long pairs = (long) versions.size() * versions.size();
        if (pairs > Long.MAX_VALUE / size) {
            list.sort(edgeOrder);
            return List.copyOf(list);
        }
        long[] keys = new long[list.size()];
        for (int i = 0; i < keys.length; i++) {
            GraphEdge e = list.get(i);
            keys[i] = ((long) rank.get(e.from()) * versions.size() + rank.get(e.to())) * size + i;
        }
        Arrays.sort(keys);
        List<GraphEdge> sorted = new ArrayList<>(list.size());
        for (int i = 0; i < keys.length; i++) {
            int start = i;
            while (i + 1 < keys.length && keys[i + 1] / size == keys[start] / size) {
                i++;
            }
            if (start == i) {
                sorted.add(list.get((int) (keys[i] % size)));
                continue;
            }
            List<GraphEdge> same = new ArrayList<>(i - start + 1);
            for (int j = start; j <= i; j++) {
                same.add(list.get((int) (keys[j] % size)));
            }
            same.sort(Comparator.comparing(GraphEdge::declaredFrom));
            sorted.addAll(same);
        }
        return List.copyOf(sorted);
    }

    /** @return the index of the first known version not below {@code low} in precedence (build metadata aside) */
    private static int firstAtLeast(List<Map.Entry<String, Version>> known, Version low) {
        int lo = 0;
        int hi = known.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (known.get(mid).getValue().compareTo(low) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static GraphEdge edge(Declared group, String from) {
        return new GraphEdge(group.product(), from, group.to(), group.declaredFrom(), group.lossy(), group.ruleIds());
    }

    List<String> versions() {
        return versions;
    }

    boolean hasVersion(String version) {
        return rank.containsKey(version);
    }

    List<Declared> declared() {
        return declared;
    }

    /** @return the rules of the edge declared from {@code declaredFrom} to {@code to}, in run order; empty for none */
    List<MigrationRule> rules(String declaredFrom, String to) {
        Declared d = byKey.get(new Key(declaredFrom, to));
        return d == null ? List.of() : d.rules();
    }

    List<GraphEdge> edges() {
        return edges;
    }

    Graph<String, GraphEdge> graph() {
        return graph;
    }

    /** @return semver order: a comparison of ranks for known versions, of parsed text for others */
    Comparator<String> order() {
        return order;
    }

    /** @return {@link VersionGraph#EDGE_ORDER}, comparing ranks */
    Comparator<GraphEdge> edgeOrder() {
        return edgeOrder;
    }
}
