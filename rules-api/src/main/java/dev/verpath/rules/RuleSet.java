package dev.verpath.rules;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * A set of rules that ship together: the built-in {@code serve} rules, or a plugin's. The engine
 * finds rule sets as PF4J extensions, on its own class path (built-ins) and in plugins alike, and
 * builds one version graph per product from all of them.
 *
 * <p>Implementations are immutable; every method returns the same values on every call.
 */
public interface RuleSet extends ExtensionPoint {

    /**
     * A stable identifier of the rule set, e.g. {@code serve-builtin}.
     *
     * @return the id, never null
     */
    String id();

    /**
     * The products this rule set declares (it may also add edges to products others declare).
     *
     * @return the products, possibly empty, never null
     */
    default List<Product> products() {
        return List.of();
    }

    /**
     * The migration rules: every edge of every product this set contributes to.
     *
     * @return the rules, never null
     */
    List<MigrationRule> rules();

    /**
     * Validation rules run after each step that reaches a version they apply to, and by
     * {@code migrate validate}.
     *
     * @return the rules, possibly empty, never null
     */
    default List<ValidationRule> validations() {
        return List.of();
    }

    /**
     * Record checks the record pipeline runs on each record as it reaches a version they apply to.
     *
     * @return the checks, possibly empty, never null
     */
    default List<RecordCheck> recordChecks() {
        return List.of();
    }

    /**
     * Flags the rules read, shown with the effective settings.
     *
     * @return the flags, possibly empty, never null
     */
    default List<FlagDescriptor> flags() {
        return List.of();
    }

    /**
     * Flag values the set's rules cannot work with together: the engine refuses a command before anything runs when
     * both flags of one have those values, naming both.
     *
     * @return the conflicts, possibly empty, never null
     */
    default List<FlagConflict> flagConflicts() {
        return List.of();
    }

    /**
     * Known risks of this set's edges, each evaluated on an installation before the edge is planned for it.
     *
     * @return the risks, possibly empty, never null
     * @since 2.3.0
     */
    default List<EdgeRisk> risks() {
        return List.of();
    }

    /**
     * What the products this set declares need of the machine: free memory, free disk, commands. {@code migrate info}
     * shows them; a migration that does not meet one is refused before it changes anything.
     *
     * @return the requirements, possibly empty, never null
     * @since 2.4.0
     */
    default List<ProductRequirement> requirements() {
        return List.of();
    }
}
