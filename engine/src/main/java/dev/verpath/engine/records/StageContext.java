package dev.verpath.engine.records;

import dev.verpath.rules.RecordContext;
import dev.verpath.rules.RecordEdit;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RuleReport;
import java.util.List;
import java.util.Optional;

/**
 * The {@link RecordContext} of one rule on one file; the pipeline moves its line number along
 * instead of making a context per record. Not thread-safe.
 */
final class StageContext implements RecordContext {

    final RecordRule rule;
    final RecordEditor.Compiled[] edits;
    private final String path;
    private final String from;
    private final String to;
    private final RecordRun run;
    private RuleReport report;
    long line;

    StageContext(RecordRule rule, String path, String from, String to, RecordRun run, RuleReport report) {
        this.rule = rule;
        this.edits = rule.edits().stream().map(RecordEditor.Compiled::of).toArray(RecordEditor.Compiled[]::new);
        this.path = path;
        this.from = from;
        this.to = to;
        this.run = run;
        this.report = report;
    }

    @Override
    public String product() {
        return run.product();
    }

    @Override
    public Optional<String> flag(String name) {
        return Optional.ofNullable(run.flags().get(name));
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
        return run.lossyAllowed();
    }

    @Override
    public RuleReport report() {
        return report;
    }

    /** Reports to {@code report} from now on (the next chunk of the file). */
    void reportTo(RuleReport report) {
        this.report = report;
    }
}
