package dev.verpath.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing a validation rule found. Immutable.
 *
 * @param ruleId   the id of the rule that found it
 * @param category the rule's category
 * @param severity how bad it is
 * @param path     the file, relative to the installation root ({@code ""} for the installation)
 * @param location where in the file (a line or a key), or empty
 * @param message  what is wrong, one sentence
 * @param remedy   what to do about it, one sentence
 */
public record Finding(
        String ruleId,
        ValidationCategory category,
        Severity severity,
        String path,
        Optional<String> location,
        String message,
        String remedy) {

    /** Checks that nothing is null. */
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(remedy, "remedy");
    }

    /**
     * A finding of the given rule, at its category and severity.
     *
     * @param rule     the rule that found it
     * @param path     the file
     * @param location a line or key, or null
     * @param message  what is wrong
     * @param remedy   what to do
     * @return the finding
     */
    public static Finding of(ValidationDescriptor rule, String path, String location, String message, String remedy) {
        return new Finding(rule.id(), rule.category(), rule.severity(), path, Optional.ofNullable(location), message, remedy);
    }
}
