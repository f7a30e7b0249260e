package dev.verpath.engine.records;

/**
 * A record rule threw something other than a {@link dev.verpath.rules.RuleFailure}: a bug of the rule, not a problem
 * of the record. The step fails naming the rule, the file and the line, and says to report it to the rule's authors.
 */
public final class RuleBug extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String ruleId;
    private final String path;
    private final long line;

    RuleBug(String ruleId, String path, long line, Throwable cause) {
        super(cause.getMessage() == null || cause.getMessage().isBlank() ? "it gave no reason (--verbose shows where it"
                + " failed)" : cause.getMessage(), cause);
        this.ruleId = ruleId;
        this.path = path;
        this.line = line;
    }

    /** @return the rule's id */
    public String ruleId() {
        return ruleId;
    }

    /** @return the file */
    public String path() {
        return path;
    }

    /** @return the line */
    public long line() {
        return line;
    }
}
