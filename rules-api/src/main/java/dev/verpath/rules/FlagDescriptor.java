package dev.verpath.rules;

import java.util.Objects;

/**
 * A setting a rule set reads through {@link RuleContext#flag(String)}. The engine resolves it from
 * the environment variable of the same name, then {@code [flags]} of the migration config, then this
 * default, and lists it among the effective settings. A {@code [flags]} entry that no loaded rule set
 * declares is refused. Immutable and thread-safe.
 *
 * <p>A flag that {@linkplain #meansDryRun() means dry run} is the engine's, not the rules': when its value is
 * true, the engine makes the whole run a dry run before any rule runs, exactly as {@code --dry-run} (nothing is
 * written, not even {@code .migrate/}), and says that the flag did so. Rules never see a run half rehearsed.
 *
 * @param name         the name, upper case with underscores, e.g. {@code WAN_ENABLE_LEGACY_FALLBACK}
 * @param defaultValue the value when nothing sets it
 * @param description  one sentence on what it changes
 * @param meansDryRun  whether a true value ({@code true}, {@code 1}, {@code yes}, {@code on}) makes the whole run
 *                     a dry run
 */
public record FlagDescriptor(String name, String defaultValue, String description, boolean meansDryRun) {

    /** Checks that nothing is null. */
    public FlagDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
    }

    /**
     * A flag the rules read, which does not mean dry run (the constructor of rules API 1.0.0, kept so that rule
     * sets built against it run unchanged).
     *
     * @param name         the name, upper case with underscores
     * @param defaultValue the value when nothing sets it
     * @param description  one sentence on what it changes
     */
    public FlagDescriptor(String name, String defaultValue, String description) {
        this(name, defaultValue, description, false);
    }

    /**
     * A flag whose true value makes the whole run a dry run, as {@code --dry-run}; false by default. The engine
     * reads it; a rule need not (and should not) rehearse anything itself.
     *
     * @param name        the name, upper case with underscores, e.g. {@code WAN_DRY_RUN_MODE}
     * @param description one sentence on what it does
     * @return the descriptor, never null
     */
    public static FlagDescriptor dryRun(String name, String description) {
        return new FlagDescriptor(name, "false", description, true);
    }
}
