package dev.verpath.engine.graph;

import dev.verpath.rules.MigrationRule;
import java.util.ArrayList;
import java.util.List;

/**
 * One product's rules as they are checked, each with the versions it declares, read once ({@link RuleTexts}): what a
 * product's graph is built from, without looking a rule's texts up again. Filled while the rules are checked, read
 * only afterwards.
 */
final class ProductRules {

    private final List<MigrationRule> rules = new ArrayList<>();
    private final List<RuleTexts.Parsed> targets = new ArrayList<>();
    private final List<RuleTexts.Origin> origins = new ArrayList<>();
    private int[] positions = new int[16];

    /**
     * @param rule     the rule
     * @param position its place in the list of every rule the graph is built from
     * @param from     where it declares its edge from
     * @param to       the version it leads to
     */
    void add(MigrationRule rule, int position, RuleTexts.Origin from, RuleTexts.Parsed to) {
        if (rules.size() == positions.length) {
            positions = java.util.Arrays.copyOf(positions, positions.length * 2);
        }
        positions[rules.size()] = position;
        rules.add(rule);
        origins.add(from);
        targets.add(to);
    }

    int size() {
        return rules.size();
    }

    MigrationRule rule(int i) {
        return rules.get(i);
    }

    /** @return the place of rule {@code i} in the list of every rule the graph is built from */
    int position(int i) {
        return positions[i];
    }

    /** @return where rule {@code i} declares its edge from */
    RuleTexts.Origin origin(int i) {
        return origins.get(i);
    }

    /** @return the version rule {@code i} leads to */
    RuleTexts.Parsed target(int i) {
        return targets.get(i);
    }
}
