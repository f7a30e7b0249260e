package dev.verpath.rules;

import java.util.List;

/**
 * A data rule that changes one record (one JSON object of a JSONL file) at a time: declaratively, by the
 * {@link RecordEdit}s it lists, and where edits cannot say it, imperatively in {@link #transform}. Most rules are a
 * {@link RecordEdits} value and need no class of their own.
 *
 * <p>The engine streams every file matching the descriptor's {@code paths} and fuses the record rules of every step
 * into one pass, so each record is read and written once per migration however many steps the path has. Fields no
 * rule touches are copied byte for byte. Blank lines never reach a rule; a line that is not a JSON object fails the
 * step, naming the file and the line, before any rule sees it.
 *
 * <p>Implementations must be thread-safe and free of side effects beyond the record and the report.
 */
public interface RecordRule extends MigrationRule {

    /**
     * The edits, applied in order to every record before {@link #transform}.
     *
     * @return the edits; none by default
     */
    default List<RecordEdit> edits() {
        return List.of();
    }

    /**
     * Changes the record in place after the edits, for what edits cannot say. Fields the rule does not know must
     * stay, in their order (the view keeps them so unless the rule removes them).
     *
     * @param record  the record
     * @param context where the record came from, the run's flags, and the report
     * @throws RuleFailure when the record cannot be migrated; name the field as the location
     */
    default void transform(RecordView record, RecordContext context) {
    }
}
