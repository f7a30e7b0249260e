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
     * @param sourceOfRule the rule set each rule came from, by rule id
     * @param preferences  the owner that wins, by edge key ({@code [plugins] prefer})
     * @return the ids of the rules left out, each with the origin that won over it
     * @throws RuleConflictException when owners claim one edge and kind and no preference picks one of them
     */
    static Map<String, String> settle(List<MigrationRule> rules, Map<String, LoadedRuleSet> sourceOfRule,
                                      Map<String, String> preferences) {
        Set<String> contested = contested(rules, sourceOfRule);
        if (contested.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, List<MigrationRule>>> claims = new TreeMap<>();
        for (MigrationRule rule : rules) {
            String edge = edgeKey(rule.descriptor());
            if (contested.contains(edge)) {
                claims.computeIfAbsent(edge, e -> new LinkedHashMap<>())
                        .computeIfAbsent(sourceOfRule.get(rule.descriptor().id()).owner(), o -> new ArrayList<>()).add(rule);
            }
        }
        Map<String, String> dropped = new TreeMap<>();
        for (Map.Entry<String, Map<String, List<MigrationRule>>> claim : claims.entrySet()) {
            Map<String, List<MigrationRule>> owners = claim.getValue();
            List<String> claimants = owners.values().stream()
                    .map(list -> sourceOfRule.get(list.get(0).descriptor().id()).origin()).toList();
            String winner = preferences.get(claim.getKey());
            if (winner == null || !owners.containsKey(winner)) {
                throw new RuleConflictException(claim.getKey(), claimants, owners.keySet().stream().toList(),
                        Optional.ofNullable(winner));
            }
            String winnerOrigin = sourceOfRule.get(owners.get(winner).get(0).descriptor().id()).origin();
            owners.forEach((owner, list) -> {
                if (!owner.equals(winner)) {
                    list.forEach(r -> dropped.put(r.descriptor().id(), winnerOrigin));
                }
            });
        }
        return dropped;
    }

    /**
     * The edges and kinds several owners claim: only a product whose rules come from several owners can have one,
     * so the key of an edge is made only for the rules of such products.
     */
    private static Set<String> contested(List<MigrationRule> rules, Map<String, LoadedRuleSet> sourceOfRule) {
        Map<String, String> ownerOfProduct = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (MigrationRule rule : rules) {
            String owner = sourceOfRule.get(rule.descriptor().id()).owner();
            String first = ownerOfProduct.putIfAbsent(rule.descriptor().product(), owner);
            if (first != null && !first.equals(owner)) {
                shared.add(rule.descriptor().product());
            }
        }
        Map<String, String> firstOwner = new HashMap<>();
        Set<String> contested = new HashSet<>();
        for (MigrationRule rule : rules) {
            if (shared.contains(rule.descriptor().product())) {
                String edge = edgeKey(rule.descriptor());
                String owner = sourceOfRule.get(rule.descriptor().id()).owner();
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
