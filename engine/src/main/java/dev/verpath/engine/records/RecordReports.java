package dev.verpath.engine.records;

import dev.verpath.rules.RuleReport;

/** Where the pipeline sends what it learns while it migrates the lines of a file, or of one chunk of it. */
interface RecordReports {

    /**
     * The report one rule writes to.
     *
     * @param ruleId the rule's id
     * @return its report
     */
    RuleReport forRule(String ruleId);

    /**
     * A record that did not match its version's record checks before the migration.
     *
     * @param checkId the check's id
     * @param line    the record's line
     * @param problem what the check said
     */
    void sourceProblem(String checkId, long line, String problem);
}
