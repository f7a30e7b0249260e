package dev.verpath.engine.plugin;

import java.util.ArrayList;
import java.util.List;

/**
 * A registry's migration rules in load order as runs of one product from one rule set: rule sets list their rules a
 * product at a time, so what is asked per product and owner (is the product declared, which owners migrate it) is asked
 * once a run instead of once a rule (100,000 rules of a large plugin are one run). Not thread-safe; filled while
 * the registry is built.
 */
final class ProductRuns {

    /**
     * One run.
     *
     * @param product the product its rules migrate
     * @param set     the rule set they come from
     * @param firstId the id of its first rule
     */
    record Run(String product, LoadedRuleSet set, String firstId) {
    }

    private final List<Run> runs = new ArrayList<>();
    private final List<LoadedRuleSet> setOfRule = new ArrayList<>();

    /**
     * Adds the next rule in load order.
     *
     * @param product its product
     * @param set     its rule set
     * @param id      its id
     */
    void add(String product, LoadedRuleSet set, String id) {
        setOfRule.add(set);
        Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last == null || last.set() != set || !last.product().equals(product)) {
            runs.add(new Run(product, set, id));
        }
    }

    /** @return each rule's set, by the rule's place in load order */
    List<LoadedRuleSet> setOfRule() {
        return setOfRule;
    }

    /** @return the runs in load order */
    List<Run> runs() {
        return runs;
    }
}
