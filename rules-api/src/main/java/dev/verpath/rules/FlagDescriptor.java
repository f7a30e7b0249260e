package dev.verpath.rules;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A setting a rule set reads through {@link RuleContext#flag(String)} (or {@link RuleContext#booleanFlag},
 * {@link RuleContext#integerFlag}). The engine resolves it from the environment variable of the same name, then
 * {@code [flags]} of the migration config, then this default, lists it among the effective settings, and checks the
 * value against the flag's {@link FlagKind} before anything runs: a value of the wrong kind is refused naming the
 * flag and where it was set. A {@code [flags]} entry that no loaded rule set declares is refused. Immutable and
 * thread-safe.
 *
 * <p>A flag that {@linkplain #meansDryRun() means dry run} is the engine's, not the rules': when its value is
 * true, the engine makes the whole run a dry run before any rule runs, exactly as {@code --dry-run} (nothing is
 * written, not even {@code .migrate/}), and says that the flag did so. Rules never see a run half rehearsed.
 *
 * <p>Make one with {@link #bool}, {@link #integer}, {@link #choice}, {@link #text} or {@link #dryRun}.
 *
 * @param name         the name, upper case with underscores, e.g. {@code WAN_ENABLE_LEGACY_FALLBACK}
 * @param defaultValue the value when nothing sets it; of the flag's kind
 * @param description  one sentence on what it changes
 * @param meansDryRun  whether a true value makes the whole run a dry run (a boolean flag only)
 * @param kind         what values it takes
 * @param choices      the values a {@link FlagKind#CHOICE} flag takes, in the order to show them; empty for others
 */
public record FlagDescriptor(String name, String defaultValue, String description, boolean meansDryRun, FlagKind kind,
                             List<String> choices) {

    /** Checks that nothing is null, that the choices fit the kind and that the default is a value of the flag. */
    public FlagDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        choices = List.copyOf(choices);
        if ((kind == FlagKind.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException("flag " + name + ": a " + kind.name().toLowerCase(Locale.ROOT)
                    + " flag " + (choices.isEmpty() ? "needs its choices" : "has no choices"));
        }
        if (meansDryRun && kind != FlagKind.BOOLEAN) {
            throw new IllegalArgumentException("flag " + name + ": only a boolean flag can mean dry run");
        }
        String flag = name;
        String fallback = defaultValue;
        new FlagDescriptor.Check(kind, choices).problem(defaultValue).ifPresent(p -> {
            throw new IllegalArgumentException("flag " + flag + ": its default '" + fallback + "' " + p);
        });
    }

    /**
     * A text flag (the constructor of rules API 1.0.0, kept so that rule sets built against it run unchanged).
     *
     * @param name         the name, upper case with underscores
     * @param defaultValue the value when nothing sets it
     * @param description  one sentence on what it changes
     */
    public FlagDescriptor(String name, String defaultValue, String description) {
        this(name, defaultValue, description, false, FlagKind.TEXT, List.of());
    }

    /**
     * @param name         the name, upper case with underscores
     * @param defaultValue its value when nothing sets it
     * @param description  one sentence on what it changes
     * @return a boolean flag
     */
    public static FlagDescriptor bool(String name, boolean defaultValue, String description) {
        return new FlagDescriptor(name, Boolean.toString(defaultValue), description, false, FlagKind.BOOLEAN, List.of());
    }

    /**
     * @param name         the name, upper case with underscores
     * @param defaultValue its value when nothing sets it
     * @param description  one sentence on what it changes
     * @return a whole-number flag
     */
    public static FlagDescriptor integer(String name, long defaultValue, String description) {
        return new FlagDescriptor(name, Long.toString(defaultValue), description, false, FlagKind.INTEGER, List.of());
    }

    /**
     * @param name         the name, upper case with underscores
     * @param defaultValue its value when nothing sets it, one of the choices
     * @param choices      the values it takes
     * @param description  one sentence on what it changes
     * @return a flag of one of a few values
     */
    public static FlagDescriptor choice(String name, String defaultValue, List<String> choices, String description) {
        return new FlagDescriptor(name, defaultValue, description, false, FlagKind.CHOICE, choices);
    }

    /**
     * @param name         the name, upper case with underscores
     * @param defaultValue its value when nothing sets it
     * @param description  one sentence on what it changes
     * @return a flag of any text
     */
    public static FlagDescriptor text(String name, String defaultValue, String description) {
        return new FlagDescriptor(name, defaultValue, description);
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
        return new FlagDescriptor(name, "false", description, true, FlagKind.BOOLEAN, List.of());
    }

    /**
     * What is wrong with a value for this flag.
     *
     * @param value a value as set
     * @return why it is not a value of this flag (e.g. {@code is not a boolean; set it to true or false}), or empty
     */
    public Optional<String> problem(String value) {
        return new Check(kind, choices).problem(value);
    }

    /**
     * A boolean flag's value read as a boolean.
     *
     * @param value a value this flag accepts
     * @return true for {@code true}, {@code 1}, {@code yes} and {@code on} (any case)
     */
    public static boolean isTrue(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            default -> false;
        };
    }

    /** The kind check, apart so that the canonical constructor can use it before the record exists. */
    private record Check(FlagKind kind, List<String> choices) {
        Optional<String> problem(String value) {
            String v = value.trim();
            return switch (kind) {
                case BOOLEAN -> List.of("true", "false", "1", "0", "yes", "no", "on", "off").contains(v.toLowerCase(Locale.ROOT))
                        ? Optional.empty() : Optional.of("is not a boolean; set it to true or false");
                case INTEGER -> v.matches("[-+]?\\d{1,18}") ? Optional.empty() : Optional.of("is not a whole number");
                case CHOICE -> choices.contains(v) ? Optional.empty()
                        : Optional.of("is not one of " + String.join(", ", choices));
                case TEXT -> Optional.empty();
            };
        }
    }
}
