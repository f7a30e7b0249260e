package dev.verpath.engine.model;

import java.util.Objects;

/**
 * A warning a rule reported.
 *
 * @param ruleId  the rule
 * @param path    the file
 * @param message what the rule said
 */
public record RunWarning(String ruleId, String path, String message) {

    /** Checks that nothing is null. */
    public RunWarning {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
