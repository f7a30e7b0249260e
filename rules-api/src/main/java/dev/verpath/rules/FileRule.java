package dev.verpath.rules;

import java.io.IOException;

/**
 * A rule that works on whole files: configuration, model metadata, or a data file that cannot be
 * migrated record by record. In the record pipeline a data {@code FileRule} is a barrier: records
 * are written out before it runs and read again after.
 */
public interface FileRule extends MigrationRule {

    /**
     * Applies the rule to the installation the context's workspace shows.
     *
     * <p>Failures that name a file are thrown as {@link RuleFailure}; the engine then rolls the whole
     * migration back. May be called more than once (on a dry run and then for real); must not keep
     * state between calls.
     *
     * @param context the workspace, the report and the run's options; never null
     * @throws IOException when reading or writing the workspace fails
     */
    void apply(RuleContext context) throws IOException;
}
