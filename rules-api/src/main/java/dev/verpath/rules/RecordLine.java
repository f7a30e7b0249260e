package dev.verpath.rules;

import java.util.Optional;

/**
 * One line of a record file as the engine reads it for migration, for {@link ValidationContext#readRecords}: either
 * a record, or what is wrong with the line (the same words migration would fail with). Blank lines are not given.
 * Valid only during the call it is handed to.
 */
public interface RecordLine {

    /** @return the 1-based line number */
    long line();

    /** @return the record, when the line is one JSON object */
    Optional<RecordReader> record();

    /**
     * @return what is wrong with the line when it is not a record: {@code not a JSON object: ...}, or that it is
     *         longer than {@code [data_migration] max_record_bytes} (the file is then read no further)
     */
    Optional<String> problem();
}
