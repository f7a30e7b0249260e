package dev.verpath.engine.records;

import dev.verpath.engine.model.RunWarning;
import dev.verpath.rules.RuleReport;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Collects the warnings and counters of one run from every rule. Thread-safe.
 */
public final class RunReport {

    private final List<RunWarning> warnings = new ArrayList<>();
    private final SortedMap<String, Long> counters = new TreeMap<>();

    /**
     * The report a rule writes to: its warnings carry its id.
     *
     * @param ruleId the rule's id
     * @return a view of this report for that rule
     */
    public RuleReport forRule(String ruleId) {
        return new RuleReport() {
            @Override
            public void warn(String path, String message) {
                synchronized (RunReport.this) {
                    warnings.add(new RunWarning(ruleId, path, message));
                }
            }

            @Override
            public void count(String counter, long delta) {
                RunReport.this.count(counter, delta);
            }
        };
    }

    /**
     * Adds to a counter.
     *
     * @param counter the name
     * @param delta   how much
     */
    public synchronized void count(String counter, long delta) {
        counters.merge(counter, delta, Long::sum);
    }

    /** @return the warnings so far, in the order they came */
    public synchronized List<RunWarning> warnings() {
        return List.copyOf(warnings);
    }

    /** @return the counters so far, sorted by name */
    public synchronized SortedMap<String, Long> counters() {
        return new TreeMap<>(counters);
    }
}
