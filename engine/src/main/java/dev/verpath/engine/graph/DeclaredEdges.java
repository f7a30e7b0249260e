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
    private final List<VersionRange> ranges;
    private final Map<String, Integer> rangeNumber = new HashMap<>();
    private final long[] keys;
    private final int[] start;
    private final MigrationRule[] rules;
    private final boolean[] lossy;

    /**
     * @param productRules the product's rules with their versions
     * @param distinct     how many distinct versions every rule declares: each {@link RuleTexts.Parsed#id} is below
     */
    DeclaredEdges(ProductRules productRules, int distinct) {
        int n = productRules.size();
        int[] local = new int[distinct];
        Arrays.fill(local, -1);
        List<RuleTexts.Parsed> seen = new ArrayList<>();
        Map<String, VersionRange> rangeTexts = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            RuleTexts.Parsed to = productRules.target(i);
            if (local[to.id()] < 0) {
                local[to.id()] = seen.size();
                seen.add(to);
            }
            RuleTexts.Origin from = productRules.origin(i);
            if (from.range().isPresent()) {
                rangeTexts.putIfAbsent(from.text(), from.range().get());
            } else if (local[from.version().orElseThrow().id()] < 0) {
                local[from.version().orElseThrow().id()] = seen.size();
                seen.add(from.version().orElseThrow());
            }
        }
        int[] byRank = VersionOrder.sorted(seen);
        int[] rankOf = new int[seen.size()];
        this.parsed = new Version[seen.size()];
        String[] texts = new String[seen.size()];
        this.rank = new HashMap<>(seen.size() * 2);
        for (int r = 0; r < byRank.length; r++) {
            RuleTexts.Parsed p = seen.get(byRank[r]);
            rankOf[byRank[r]] = r;
            parsed[r] = p.version();
            texts[r] = p.text();
            rank.put(p.text(), r);
        }
        this.versions = List.of(texts);
        this.ranges = List.copyOf(rangeTexts.values());
        for (int i = 0; i < ranges.size(); i++) {
            rangeNumber.put(ranges.get(i).text(), versions.size() + i);
        }
        long[] ruleKeys = new long[n];
        for (int i = 0; i < n; i++) {
            RuleTexts.Origin from = productRules.origin(i);
            int origin = from.range().isPresent() ? rangeNumber.get(from.text()) : rankOf[local[from.version().get().id()]];
            ruleKeys[i] = key(origin, rankOf[local[productRules.target(i).id()]]);
        }
        Groups groups = Groups.of(productRules, ruleKeys);
        this.keys = groups.keys();
        this.start = groups.start();
        this.rules = groups.rules();
        this.lossy = groups.lossy();
    }

    /** The rules sorted by key (origin, then target), and the runs of one key: the declared edges. */
    private record Groups(long[] keys, int[] start, MigrationRule[] rules, boolean[] lossy) {

        static Groups of(ProductRules productRules, long[] ruleKeys) {
            int n = ruleKeys.length;
            int[] order = KeyOrder.of(ruleKeys);
            MigrationRule[] rules = new MigrationRule[n];
            long[] keys = new long[n];
            int[] start = new int[n + 1];
            boolean[] lossy = new boolean[n];
            int groups = 0;
            for (int i = 0; i < n; i++) {
                rules[i] = productRules.rule(order[i]);
                if (i == 0 || ruleKeys[order[i]] != keys[groups - 1]) {
                    keys[groups] = ruleKeys[order[i]];
                    start[groups++] = i;
                }
                lossy[groups - 1] |= rules[i].descriptor().lossy();
            }
            start[groups] = n;
            for (int g = 0; g < groups; g++) {
                if (start[g + 1] - start[g] > 1) {
                    Arrays.sort(rules, start[g], start[g + 1], RULE_ORDER);
                }
            }
            return new Groups(Arrays.copyOf(keys, groups), Arrays.copyOf(start, groups + 1), rules,
                    Arrays.copyOf(lossy, groups));
        }
    }

    private long key(int origin, int to) {
        return (long) origin * versions.size() + to;
    }

    /** @return the known versions in semver order: a version's rank is its index */
    List<String> versions() {
        return versions;
    }

    /** @return the parsed version of a rank */
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
        return origin < versions.size() ? Optional.empty() : Optional.of(ranges.get(origin - versions.size()));
    }

    /** @return where declared edge {@code g} is declared from: the version, or the range in normal form */
    String declaredFrom(int g) {
        int origin = origin(g);
        return origin < versions.size() ? versions.get(origin) : ranges.get(origin - versions.size()).text();
    }

    /** @return whether any rule of declared edge {@code g} is lossy */
    boolean lossy(int g) {
        return lossy[g];
    }

    /** @return the rules of declared edge {@code g} in run order */
    List<MigrationRule> rules(int g) {
        return List.of(Arrays.copyOfRange(rules, start[g], start[g + 1]));
    }

    /** @return the ids of the rules of declared edge {@code g}, sorted */
    List<String> ruleIds(int g) {
        if (start[g + 1] - start[g] == 1) {
            return List.of(rules[start[g]].descriptor().id());
        }
        return rules(g).stream().map(r -> r.descriptor().id()).sorted().toList();
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
