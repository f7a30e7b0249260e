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
import java.util.TreeMap;

/**
 * One product's known versions, ranked in semver order, and its rules grouped into declared edges: the rules with the
 * same declared origin (a version, or a range in normal form) and target are one edge, lossy when any of them is.
 * Origins are numbered: a version by its rank, a range after every version (ranges in text order). Edges are kept
 * sorted by origin number, then target rank, in arrays. Immutable once built.
 *
 * <p>Built in O(R log R + V log V) for R rules and V known versions, with no object and no hash lookup per rule:
 * each rule's versions were read once when it was checked ({@link RuleTexts}), and are told apart by number.
 */
final class DeclaredEdges {

    /** Config rules first, then data, then model; each kind by id. */
    private static final Comparator<MigrationRule> RULE_ORDER = Comparator
            .comparing((MigrationRule r) -> r.descriptor().kind())
            .thenComparing(r -> r.descriptor().id());

    private final List<String> versions;
    private final Version[] parsed;
    private final Map<String, Integer> rank;
    private final List<String> rangeTexts;
    private final VersionRange[] ranges;
    private final Map<String, Integer> rangeNumber = new HashMap<>();
    private final long[] keys;
    private final int[] start;
    private final RuleList rules;
    private final boolean[] lossy;

    /**
     * @param productRules the product's rules with their versions
     * @param distinct     how many distinct versions every rule declares: each {@link RuleTexts.Parsed#id} is below
     * @param all          every rule the graph is built from, where {@link ProductRules#position} points
     */
    DeclaredEdges(ProductRules productRules, int distinct, List<MigrationRule> all) {
        int n = productRules.size();
        int[] local = new int[distinct];
        Arrays.fill(local, -1);
        List<RuleTexts.Parsed> seen = new ArrayList<>();
        Map<String, VersionRange> byText = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            RuleTexts.Parsed to = productRules.target(i);
            if (local[to.id()] < 0) {
                local[to.id()] = seen.size();
                seen.add(to);
            }
            RuleTexts.Origin from = productRules.origin(i);
            if (from.range().isPresent()) {
                byText.putIfAbsent(from.text(), from.range().get());
            } else if (local[from.version().orElseThrow().id()] < 0) {
                local[from.version().orElseThrow().id()] = seen.size();
                seen.add(from.version().orElseThrow());
            }
        }
        int[] byRank = VersionOrder.sorted(seen);
        int[] rankOf = new int[seen.size()];
        this.parsed = new Version[seen.size()];
        String[] texts = new String[seen.size()];
        for (int r = 0; r < byRank.length; r++) {
            RuleTexts.Parsed p = seen.get(byRank[r]);
            rankOf[byRank[r]] = r;
            parsed[r] = p.version();
            texts[r] = p.text();
        }
        this.versions = List.of(texts);
        this.rank = ranks(versions);
        this.rangeTexts = List.copyOf(byText.keySet());
        this.ranges = byText.values().toArray(VersionRange[]::new);
        numberRanges();
        long[] ruleKeys = new long[n];
        for (int i = 0; i < n; i++) {
            RuleTexts.Origin from = productRules.origin(i);
            int origin = from.range().isPresent() ? rangeNumber.get(from.text()) : rankOf[local[from.version().get().id()]];
            ruleKeys[i] = key(origin, rankOf[local[productRules.target(i).id()]]);
        }
        Groups groups = Groups.of(productRules, ruleKeys, all);
        this.keys = groups.keys();
        this.start = groups.start();
        this.rules = RuleList.trusted(all, groups.positions());
        this.lossy = groups.lossy();
    }

    /**
     * The edges a fresh build declared, as an index kept them ({@link CompiledGraph}): the rules are looked up by their
     * place in {@code all} and checked when first asked for ({@link RuleList#checked}).
     *
     * @param product  the product
     * @param compiled what the fresh build computed
     * @param all      every rule the graph is built from
     */
    DeclaredEdges(String product, CompiledGraph compiled, List<MigrationRule> all) {
        this.versions = List.of(compiled.versions());
        this.parsed = null;
        this.rank = ranks(versions);
        this.rangeTexts = List.of(compiled.ranges());
        this.ranges = new VersionRange[rangeTexts.size()];
        numberRanges();
        this.keys = compiled.keys();
        this.start = compiled.start();
        this.lossy = compiled.lossy();
        this.rules = RuleList.checked(all, compiled.ruleAt(), compiled.ruleHash(), product, this);
    }

    private static Map<String, Integer> ranks(List<String> versions) {
        Map<String, Integer> rank = new HashMap<>(versions.size() * 2);
        for (int r = 0; r < versions.size(); r++) {
            rank.put(versions.get(r), r);
        }
        return rank;
    }

    private void numberRanges() {
        for (int i = 0; i < rangeTexts.size(); i++) {
            rangeNumber.put(rangeTexts.get(i), versions.size() + i);
        }
    }

    /** The rules sorted by key (origin, then target), and the runs of one key: the declared edges. */
    private record Groups(long[] keys, int[] start, int[] positions, boolean[] lossy) {

        static Groups of(ProductRules productRules, long[] ruleKeys, List<MigrationRule> all) {
            int n = ruleKeys.length;
            int[] order = KeyOrder.of(ruleKeys);
            int[] positions = new int[n];
            long[] keys = new long[n];
            int[] start = new int[n + 1];
            boolean[] lossy = new boolean[n];
            int groups = 0;
            for (int i = 0; i < n; i++) {
                positions[i] = productRules.position(order[i]);
                if (i == 0 || ruleKeys[order[i]] != keys[groups - 1]) {
                    keys[groups] = ruleKeys[order[i]];
                    start[groups++] = i;
                }
                lossy[groups - 1] |= productRules.rule(order[i]).descriptor().lossy();
            }
            start[groups] = n;
            for (int g = 0; g < groups; g++) {
                if (start[g + 1] - start[g] > 1) {
                    Integer[] run = Arrays.stream(positions, start[g], start[g + 1]).boxed().toArray(Integer[]::new);
                    Arrays.sort(run, Comparator.comparing(all::get, RULE_ORDER));
                    for (int k = 0; k < run.length; k++) {
                        positions[start[g] + k] = run[k];
                    }
                }
            }
            return new Groups(Arrays.copyOf(keys, groups), Arrays.copyOf(start, groups + 1), positions,
                    Arrays.copyOf(lossy, groups));
        }
    }

    /** @return what this build computed, for an index ({@link CompiledGraph}), with the laid edges of the product */
    CompiledGraph compiled(int[] from, int[] to, int[] group) {
        return new CompiledGraph(versions.toArray(String[]::new), rangeTexts.toArray(String[]::new), keys, start,
                rules.positions(), rules.hashes(), lossy, from, to, group);
    }

    private long key(int origin, int to) {
        return (long) origin * versions.size() + to;
    }

    /** @return the known versions in semver order: a version's rank is its index */
    List<String> versions() {
        return versions;
    }

    /** @return the parsed version of a rank; only for a fresh build, which lays the edges */
    Version parsed(int rank) {
        return parsed[rank];
    }

    /** @return a known version's rank, or -1 */
    int rank(String version) {
        Integer r = rank.get(version);
        return r == null ? -1 : r;
    }

    /** @return how many declared edges */
    int count() {
        return keys.length;
    }

    /** @return the origin number of declared edge {@code g}: the rank of a version, or more than every rank for a range */
    int origin(int g) {
        return (int) (keys[g] / versions.size());
    }

    /** @return the rank of the version declared edge {@code g} leads to */
    int to(int g) {
        return (int) (keys[g] % versions.size());
    }

    /** @return the range declared edge {@code g} is declared from, or empty when it is declared from a version */
    Optional<VersionRange> range(int g) {
        int origin = origin(g);
        if (origin < versions.size()) {
            return Optional.empty();
        }
        int i = origin - versions.size();
        if (ranges[i] == null) { // read from an index: parsed when first asked for (two threads may both parse it)
            ranges[i] = VersionRange.parse(rangeTexts.get(i));
        }
        return Optional.of(ranges[i]);
    }

    /** @return where declared edge {@code g} is declared from: the version, or the range in normal form */
    String declaredFrom(int g) {
        int origin = origin(g);
        return origin < versions.size() ? versions.get(origin) : rangeTexts.get(origin - versions.size());
    }

    /** @return whether any rule of declared edge {@code g} is lossy */
    boolean lossy(int g) {
        return lossy[g];
    }

    /** @return whether each declared edge is lossy, by its number (the array itself: not to be changed) */
    boolean[] lossy() {
        return lossy;
    }

    /** @return the rules of declared edge {@code g} in run order */
    List<MigrationRule> rules(int g) {
        return rules.of(g, start[g], start[g + 1]);
    }

    /** @return the ids of the rules of declared edge {@code g}, sorted */
    List<String> ruleIds(int g) {
        List<MigrationRule> list = rules(g);
        if (list.size() == 1) {
            return List.of(list.get(0).descriptor().id());
        }
        return list.stream().map(r -> r.descriptor().id()).sorted().toList();
    }

    /**
     * @param declaredFrom a version or a range in normal form
     * @param to           a version
     * @return the declared edge from that origin to that version, or -1 when none is declared
     */
    int find(String declaredFrom, String to) {
        Integer origin = rank.containsKey(declaredFrom) ? rank.get(declaredFrom) : rangeNumber.get(declaredFrom);
        int target = rank(to);
        if (origin == null || target < 0) {
            return -1;
        }
        int g = Arrays.binarySearch(keys, key(origin, target));
        return g < 0 ? -1 : g;
    }
}
