package dev.verpath.engine.execute;

import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleReport;
import dev.verpath.rules.Workspace;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link RuleContext} one file rule gets during one step.
 *
 * @param workspace    the shadow workspace
 * @param report       the rule's view of the run report
 * @param product      the product
 * @param fromVersion  the step's source version
 * @param toVersion    the step's target version
 * @param lossyAllowed whether lossy steps are allowed
 * @param optimize     whether model optimization is on
 * @param flags        the effective flag values by name
 */
record StepContext(Workspace workspace, RuleReport report, String product, String fromVersion, String toVersion,
                   boolean lossyAllowed, boolean optimize, Map<String, String> flags) implements RuleContext {

    @Override
    public Optional<String> flag(String name) {
        return Optional.ofNullable(flags.get(name));
    }
}
