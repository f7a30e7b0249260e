package dev.verpath.rules;

import java.util.Objects;

/**
 * Two flag values a rule set cannot work with together (see {@link RuleSet#flagConflicts()}): when both flags have
 * these values (booleans compared as booleans, other values as text), the engine refuses the command before
 * anything runs, naming both flags, where each was set, and the reason. Immutable.
 *
 * @param flag       one flag's name
 * @param value      its value in the conflict
 * @param otherFlag  the other flag's name
 * @param otherValue its value in the conflict
 * @param reason     why they cannot go together and what to set instead, one sentence
 */
public record FlagConflict(String flag, String value, String otherFlag, String otherValue, String reason) {

    /** Checks that nothing is null. */
    public FlagConflict {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(otherFlag, "otherFlag");
        Objects.requireNonNull(otherValue, "otherValue");
        Objects.requireNonNull(reason, "reason");
    }
}
