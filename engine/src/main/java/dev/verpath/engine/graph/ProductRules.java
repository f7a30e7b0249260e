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

    void add(MigrationRule rule, RuleTexts.Origin from, RuleTexts.Parsed to) {
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

    /** @return where rule {@code i} declares its edge from */
    RuleTexts.Origin origin(int i) {
        return origins.get(i);
    }

    /** @return the version rule {@code i} leads to */
    RuleTexts.Parsed target(int i) {
        return targets.get(i);
    }
}
