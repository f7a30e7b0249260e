package dev.verpath.engine.records;

import dev.verpath.rules.RuleReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds back what the rules report on one chunk of a record file, so that the chunks migrated at once on
 * several threads reach the run's report in the order of their lines: the same warnings in the same order
 * as a migration on one thread. Thread-confined: one chunk, one thread, then {@link #replayInto(RunReport, SourceProblems)}.
 */
final class BufferedReport implements RecordReports {

    private record Event(String ruleId, String path, String message, long delta) {
    }

    private final List<Event> events = new ArrayList<>();
    private final SourceProblems sourceProblems = new SourceProblems();

    /**
     * The report one rule writes to.
     *
     * @param ruleId the rule's id
     * @return a report that records into this buffer
     */
    @Override
    public RuleReport forRule(String ruleId) {
        return new RuleReport() {
            @Override
            public void warn(String path, String message) {
                events.add(new Event(ruleId, path, message, 0));
            }

            @Override
            public void count(String counter, long delta) {
                events.add(new Event(ruleId, null, counter, delta));
            }
        };
    }

    @Override
    public void sourceProblem(String checkId, long line, String problem) {
        sourceProblems.add(checkId, line, problem);
    }

    /**
     * Passes everything on, in the order it came.
     *
     * @param report   the run's report
     * @param problems the source problems of the whole file
     */
    void replayInto(RunReport report, SourceProblems problems) {
        problems.addAll(sourceProblems);
        for (Event e : events) {
            if (e.path() == null) {
                report.count(e.message(), e.delta());
            } else {
                report.forRule(e.ruleId()).warn(e.path(), e.message());
            }
        }
    }
}
