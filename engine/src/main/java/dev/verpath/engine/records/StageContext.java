package dev.verpath.engine.records;

import dev.verpath.rules.RecordContext;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RuleReport;

/**
 * The {@link RecordContext} of one rule on one file; the pipeline moves its line number along
 * instead of making a context per record. Not thread-safe.
 */
final class StageContext implements RecordContext {

    final RecordRule rule;
    private final String path;
    private final String from;
    private final String to;
    private final boolean lossyAllowed;
    private final RuleReport report;
    long line;

    StageContext(RecordRule rule, String path, String from, String to, boolean lossyAllowed, RuleReport report) {
        this.rule = rule;
        this.path = path;
        this.from = from;
        this.to = to;
        this.lossyAllowed = lossyAllowed;
        this.report = report;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public String fromVersion() {
        return from;
    }

    @Override
    public String toVersion() {
        return to;
    }

    @Override
    public boolean lossyAllowed() {
        return lossyAllowed;
    }

    @Override
    public RuleReport report() {
        return report;
    }
}
