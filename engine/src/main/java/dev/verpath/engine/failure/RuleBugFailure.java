package dev.verpath.engine.failure;

import java.util.Set;

/**
 * A rule, a rule set or a plugin did what it must not (threw, wrote outside its paths, broke its contract, clashed
 * with another): its authors' to fix. The message names the rule and its plugin and says to report it. Of kind
 * {@link ErrorCode#RULE_BUG} or {@link ErrorCode#RULE_SET_INVALID}. Immutable.
 */
public class RuleBugFailure extends EngineFailure {

    private static final long serialVersionUID = 1L;

    private static final Set<ErrorCode> KINDS = Set.of(ErrorCode.RULE_BUG, ErrorCode.RULE_SET_INVALID);

    /**
     * @param code    which rule failure
     * @param message one line naming the rule and its plugin, and saying to report it
     */
    public RuleBugFailure(ErrorCode code, String message) {
        this(code, message, null);
    }

    /**
     * @param code    which rule failure
     * @param message one line naming the rule and its plugin, and saying to report it
     * @param cause   the rule's exception, or null
     */
    public RuleBugFailure(ErrorCode code, String message, Throwable cause) {
        super(checked(code, KINDS), message, cause);
    }
}
