package dev.verpath.rules;

/**
 * One rule of one edge of a product's version graph. Implementations are either a {@link FileRule}
 * (works on whole files through the workspace) or a {@link RecordRule} (transforms one record at a
 * time; the engine streams the records).
 *
 * <p>Rules are immutable and stateless: the engine may call them from any thread, more than once,
 * and on more than one installation.
 */
public interface MigrationRule {

    /**
     * What this rule is and which edge it belongs to.
     *
     * @return the descriptor, never null; the same value on every call
     */
    RuleDescriptor descriptor();
}
