package dev.verpath.engine.execute;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.settings.EffectiveSetting;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.rules.FlagDescriptor;
import dev.verpath.rules.MigrationException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns a true value of a flag that {@linkplain FlagDescriptor#meansDryRun() means dry run} into a whole dry run,
 * before anything runs: a flag that says dry run never leaves a half-rehearsed, half-committed installation.
 * Stateless.
 */
public final class DryRunFlags {

    private DryRunFlags() {
    }

    /**
     * The request as the flags make it.
     *
     * @param request  what was asked
     * @param declared the flags the loaded rule sets declare
     * @param settings the effective settings (environment, {@code [flags]})
     * @param notices  told, in one line, which flag made the run a dry run
     * @return the request, as a dry run when a dry-run flag is true
     * @throws MigrationException with {@link ErrorCode#USAGE} when such a flag is neither true nor false
     */
    public static RunRequest apply(RunRequest request, List<FlagDescriptor> declared, EngineSettings settings,
                                   Consumer<String> notices) {
        Optional<EffectiveSetting> set = Optional.empty();
        for (FlagDescriptor flag : declared) {
            EffectiveSetting value = settings.flag(flag);
            if (flag.meansDryRun() && isTrue(flag, value) && set.isEmpty()) {
                set = Optional.of(value);
            }
        }
        if (set.isEmpty() || request.dryRun()) {
            return request;
        }
        notices.accept(set.get().key() + "=" + set.get().value().trim() + " (" + set.get().source()
                + ") makes this a dry run, as --dry-run: nothing is written");
        return request.asDryRun();
    }

    private static boolean isTrue(FlagDescriptor declared, EffectiveSetting flag) {
        String value = flag.value().trim();
        if (value.isEmpty()) {
            return false;
        }
        if (declared.problem(value).isPresent()) {
            throw new InputFailure(ErrorCode.USAGE, flag.key() + " is '" + value + "' (" + flag.source()
                    + "), not true or false; set it to true for a dry run or false for a real one");
        }
        return FlagDescriptor.isTrue(value);
    }
}
