package dev.verpath.engine.plugin;

import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.RuleDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The edges and kinds that several owners (the built-ins, or a plugin) claim with their migration rules, settled
 * by {@code [plugins] prefer}: the preferred owner's rules stay, the others' are left out.
 */
final class ClaimedEdges {

    private ClaimedEdges() {
    }

    /**
     * Finds edges and kinds claimed by more than one owner and applies the preferences.
     *
     * @param rules        every migration rule loaded
     * @param runs         the rules as runs of one product from one rule set, and each rule's set
     * @param preferences  the owner that wins, by edge key ({@code [plugins] prefer})
     * @return the ids of the rules left out, each with the origin that won over it
     * @throws RuleConflictException when owners claim one edge and kind and no preference picks one of them
     */
    static Map<String, String> settle(List<MigrationRule> rules, ProductRuns runs, Map<String, String> preferences) {
        List<LoadedRuleSet> sourceOfRule = runs.setOfRule();
        Set<String> contested = contested(rules, sourceOfRule, runs);
        if (contested.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, List<MigrationRule>>> claims = new TreeMap<>();
        Map<String, LoadedRuleSet> source = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            MigrationRule rule = rules.get(i);
            String edge = edgeKey(rule.descriptor());
            if (contested.contains(edge)) {
                claims.computeIfAbsent(edge, e -> new LinkedHashMap<>())
                        .computeIfAbsent(sourceOfRule.get(i).owner(), o -> new ArrayList<>()).add(rule);
                source.put(rule.descriptor().id(), sourceOfRule.get(i));
            }
        }
        Map<String, String> dropped = new TreeMap<>();
        for (Map.Entry<String, Map<String, List<MigrationRule>>> claim : claims.entrySet()) {
            Map<String, List<MigrationRule>> owners = claim.getValue();
            List<String> claimants = owners.values().stream()
                    .map(list -> source.get(list.get(0).descriptor().id()).origin()).toList();
            String winner = preferences.get(claim.getKey());
            if (winner == null || !owners.containsKey(winner)) {
                throw new RuleConflictException(claim.getKey(), claimants, owners.keySet().stream().toList(),
                        Optional.ofNullable(winner));
            }
            String winnerOrigin = source.get(owners.get(winner).get(0).descriptor().id()).origin();
            owners.forEach((owner, list) -> {
                if (!owner.equals(winner)) {
                    list.forEach(r -> dropped.put(r.descriptor().id(), winnerOrigin));
                }
            });
        }
        return dropped;
    }

    /**
     * The edges and kinds several owners claim: only a product whose rules come from several owners can have one
     * (told by the runs of one product from one rule set, not rule by rule), so the key of an edge is made only for the
     * rules of such products.
     */
    private static Set<String> contested(List<MigrationRule> rules, List<LoadedRuleSet> sourceOfRule, ProductRuns runs) {
        Map<String, String> ownerOfProduct = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (ProductRuns.Run run : runs.runs()) {
            String first = ownerOfProduct.putIfAbsent(run.product(), run.set().owner());
            if (first != null && !first.equals(run.set().owner())) {
                shared.add(run.product());
            }
        }
        if (shared.isEmpty()) {
            return Set.of();
        }
        Map<String, String> firstOwner = new HashMap<>();
        Set<String> contested = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            MigrationRule rule = rules.get(i);
            if (shared.contains(rule.descriptor().product())) {
                String edge = edgeKey(rule.descriptor());
                String owner = sourceOfRule.get(i).owner();
                String first = firstOwner.putIfAbsent(edge, owner);
                if (first != null && !first.equals(owner)) {
                    contested.add(edge);
                }
            }
        }
        return contested;
    }

    private static String edgeKey(RuleDescriptor d) {
        return EngineSettings.edgeKey(d.product(), d.from(), d.to(), d.kind().label());
    }
}
