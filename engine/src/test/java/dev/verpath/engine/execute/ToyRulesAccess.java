package dev.verpath.engine.execute;

import dev.verpath.rules.RuleSet;

/** Lets tests of other packages use the toy product. */
public final class ToyRulesAccess {

    /** @return the toy rule set */
    public RuleSet ruleSet() {
        return new ToyRules();
    }
}
