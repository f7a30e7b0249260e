package dev.verpath.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A data rule that transforms one record (one JSON object of a JSONL file) at a time.
 *
 * <p>The engine streams every file matching the descriptor's {@code paths} and fuses consecutive
 * record rules of several steps into one pass, so each record is read and written once per
 * migration however many steps the path has. Blank lines never reach a rule; a line that is not a
 * JSON object fails the step before any rule sees it.
 *
 * <p>Implementations must be thread-safe and free of side effects beyond the record and the report.
 */
public interface RecordRule extends MigrationRule {

    /**
     * Changes the record in place. Fields the rule does not know must stay, in their order.
     *
     * @param record  the record, mutable, never null
     * @param context where the record came from, and the report
     * @throws RuleFailure when the record cannot be migrated; name the field as the location
     */
    void transform(ObjectNode record, RecordContext context);
}
