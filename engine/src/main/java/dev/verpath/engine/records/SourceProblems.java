package dev.verpath.engine.records;

import java.util.ArrayList;
import java.util.List;

/**
 * The records of one file that did not match the source version before the migration: the first
 * {@value #SHOWN} become warnings naming their line, the rest one warning counting them. Such a record is
 * migrated anyway (the migration rewrites the file, and each record is checked again at every version it
 * reaches), so these are warnings, in the order of the lines. Not thread-safe.
 */
final class SourceProblems {

    static final int SHOWN = 20;

    private record Problem(String checkId, long line, String message) {
    }

    private final List<Problem> shown = new ArrayList<>();
    private long count;

    /**
     * Adds the problem of the next record that has one.
     *
     * @param checkId the check's id
     * @param line    the record's line
     * @param message what the check said
     */
    void add(String checkId, long line, String message) {
        count++;
        if (shown.size() < SHOWN) {
            shown.add(new Problem(checkId, line, message));
        }
    }

    /**
     * Adds the problems of the lines after those seen so far.
     *
     * @param later the problems of a later chunk of the same file
     */
    void addAll(SourceProblems later) {
        for (Problem p : later.shown) {
            add(p.checkId(), p.line(), p.message());
        }
        count += later.count - later.shown.size();
    }

    /**
     * Turns the problems into warnings.
     *
     * @param report  the run's report
     * @param path    the file
     * @param version the source version
     */
    void reportTo(RunReport report, String path, String version) {
        for (Problem p : shown) {
            report.forRule(p.checkId()).warn(path, "line " + p.line() + ": the record did not match " + version
                    + " before the migration: " + p.message());
        }
        if (count > shown.size()) {
            report.forRule(shown.get(0).checkId()).warn(path, (count - shown.size()) + " more records did not match "
                    + version + " before the migration");
        }
    }
}
