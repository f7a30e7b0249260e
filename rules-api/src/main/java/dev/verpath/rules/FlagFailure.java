package dev.verpath.rules;

import java.util.Objects;

/**
 * A flag the rule set declares (see {@link FlagDescriptor}) has a value the rule cannot use. The command
 * stops before anything changes, as for any bad setting, and names the flag and where it can be set.
 * Immutable.
 */
public class FlagFailure extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String flag;

    /**
     * @param flag    the flag's name, e.g. {@code WAN_STRICT_VALIDATION}
     * @param message what is wrong and what to set instead, one sentence that names the flag, e.g.
     *                {@code WAN_STRICT_VALIDATION is 'maybe', not a boolean; set it to true or false}
     */
    public FlagFailure(String flag, String message) {
        super(message, null);
        this.flag = Objects.requireNonNull(flag, "flag");
    }

    /**
     * The flag whose value is wrong.
     *
     * @return its name
     */
    public String flag() {
        return flag;
    }

    /** @return {@link Fault#INPUT}: the user set the flag */
    @Override
    public Fault fault() {
        return Fault.INPUT;
    }
}
