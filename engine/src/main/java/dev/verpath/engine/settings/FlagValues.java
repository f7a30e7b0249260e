package dev.verpath.engine.settings;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.rules.FlagConflict;
import dev.verpath.rules.FlagDescriptor;
import dev.verpath.rules.FlagKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The declared flags' effective values checked before anything runs: each against its kind (a boolean, a whole
 * number, one of its choices), then the conflicts the rule sets declare. A bad value or a conflict is the user's
 * setting: refused as a usage error naming each flag, its value and where it was set. Stateless.
 */
public final class FlagValues {

    private FlagValues() {
    }

    /**
     * @param settings  the settings the flags are resolved from
     * @param declared  the flags the loaded rule sets declare
     * @param conflicts the flag values the loaded rule sets cannot work with together
     * @throws dev.verpath.rules.MigrationException of kind {@link ErrorCode#USAGE} for the first bad value, else
     *                                              for the first conflict
     */
    public static void check(EngineSettings settings, List<FlagDescriptor> declared, List<FlagConflict> conflicts) {
        for (FlagDescriptor flag : declared) {
            String value = settings.flag(flag).value();
            Optional<String> problem = flag.problem(value);
            if (problem.isPresent()) {
                throw new InputFailure(ErrorCode.USAGE, settings.whereSet(flag) + ": " + flag.name() + " is '" + value
                        + "', which " + problem.get() + " (" + flag.description() + ")");
            }
        }
        Map<String, FlagDescriptor> byName = declared.stream().collect(Collectors.toMap(FlagDescriptor::name,
                Function.identity(), (a, b) -> a));
        for (FlagConflict conflict : conflicts) {
            FlagDescriptor one = byName.get(conflict.flag());
            FlagDescriptor other = byName.get(conflict.otherFlag());
            if (one == null || other == null || !matches(settings, one, conflict.value())
                    || !matches(settings, other, conflict.otherValue())) {
                continue;
            }
            throw new InputFailure(ErrorCode.USAGE, one.name() + "=" + settings.flag(one).value() + " ("
                    + settings.whereSet(one) + ") and " + other.name() + "=" + settings.flag(other).value() + " ("
                    + settings.whereSet(other) + ") cannot go together: " + conflict.reason());
        }
    }

    private static boolean matches(EngineSettings settings, FlagDescriptor flag, String value) {
        String actual = settings.flag(flag).value();
        return flag.kind() == FlagKind.BOOLEAN ? FlagDescriptor.isTrue(actual) == FlagDescriptor.isTrue(value)
                : actual.trim().equals(value.trim());
    }
}
