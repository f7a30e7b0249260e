package dev.verpath.engine.graph;

import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.RuleDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a product's declared edges, by their place in the list of every rule the graph is built from, in run
 * order edge after edge. Those of a fresh build are trusted; those an index named ({@link CompiledGraph}) are checked
 * the first time an edge's rules are asked for: each place must be in the list, and each rule at its place of the
 * product, lead from the edge's origin to its target, and have the id, kind and lossiness the index remembers (a hash
 * of them); otherwise the index is not the graph these rules make, and {@link GraphIndexMismatch} is thrown.
 * Thread-safe: two threads may check one edge.
 */
final class RuleList {

    private final List<MigrationRule> all;
    private final int[] positions;
    private final Optional<Check> check;

    /** What an index's rules are checked against. */
    private record Check(int[] hashes, String product, DeclaredEdges edges, boolean[] done) {
    }

    private RuleList(List<MigrationRule> all, int[] positions, Optional<Check> check) {
        this.all = all;
        this.positions = positions;
        this.check = check;
    }

    /** @return the rules of a fresh build */
    static RuleList trusted(List<MigrationRule> all, int[] positions) {
        return new RuleList(all, positions, Optional.empty());
    }

    /** @return the rules an index names, checked on use against what it remembers of them */
    static RuleList checked(List<MigrationRule> all, int[] positions, int[] hashes, String product, DeclaredEdges edges) {
        return new RuleList(all, positions, Optional.of(new Check(hashes, product, edges, new boolean[edges.count()])));
    }

    /**
     * @param g    a declared edge
     * @param from the index of its first rule
     * @param to   the index after its last
     * @return its rules in run order
     * @throws GraphIndexMismatch when the rules are not those an index named
     */
    List<MigrationRule> of(int g, int from, int to) {
        MigrationRule[] rules = new MigrationRule[to - from];
        for (int i = from; i < to; i++) {
            int place = positions[i];
            if (check.isPresent() && (place < 0 || place >= all.size())) {
                throw new GraphIndexMismatch(); // an index's place beyond the rules: not this list's index
            }
            rules[i - from] = all.get(place);
        }
        if (check.isPresent() && !check.get().done()[g]) {
            Check c = check.get();
            String target = c.edges().versions().get(c.edges().to(g));
            boolean range = c.edges().range(g).isPresent();
            for (int i = from; i < to; i++) {
                RuleDescriptor d = rules[i - from].descriptor();
                if (!d.product().equals(c.product()) || hash(d) != c.hashes()[i] || !sameVersion(d.to(), target)
                        || !sameOrigin(d.from(), c.edges().declaredFrom(g), range)) {
                    throw new GraphIndexMismatch();
                }
            }
            c.done()[g] = true;
        }
        return List.of(rules);
    }

    /** @return each rule's place in the list of every rule */
    int[] positions() {
        return positions;
    }

    /** @return each rule's hash ({@link #hash}), in the same order as {@link #positions} */
    int[] hashes() {
        int[] hashes = new int[positions.length];
        Arrays.setAll(hashes, i -> hash(all.get(positions[i]).descriptor()));
        return hashes;
    }

    /** @return a hash of what a rule's place in its edge does not tell: its id, kind and lossiness */
    static int hash(RuleDescriptor d) {
        return (d.id().hashCode() * 31 + d.kind().label().hashCode()) * 31 + (d.lossy() ? 1 : 0);
    }

    private static boolean sameVersion(String declared, String canonical) {
        return canonical.equals(declared) || VersionText.parse(declared).filter(canonical::equals).isPresent();
    }

    private static boolean sameOrigin(String declared, String origin, boolean range) {
        if (declared == null) {
            return false;
        }
        return range ? !VersionText.isVersion(declared) && VersionRange.normalize(declared).equals(origin)
                : sameVersion(declared, origin);
    }
}
