package dev.verpath.rules;

import java.util.Objects;

/**
 * A setting a rule set reads through {@link RuleContext#flag(String)}. The engine resolves it from
 * the environment variable of the same name, then {@code [flags]} of the migration config, then this
 * default, and lists it among the effective settings.
 *
 * @param name         the name, upper case with underscores, e.g. {@code WAN_ENABLE_LEGACY_FALLBACK}
 * @param defaultValue the value when nothing sets it
 * @param description  one sentence on what it changes
 */
public record FlagDescriptor(String name, String defaultValue, String description) {

    /** Checks that nothing is null. */
    public FlagDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
    }
}
