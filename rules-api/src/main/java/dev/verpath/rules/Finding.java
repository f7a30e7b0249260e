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
     * A finding of a rule, built by name so that no two strings can swap:
     * {@code Finding.of(rule).file("config/gateway.toml").key("server.port").problem("port is not a number")
     * .fix("Set a port number.")}. The category and severity are the rule's unless {@link Builder#severity} says
     * otherwise.
     *
     * @param rule the rule that found it
     * @return a builder; {@link Builder#fix} gives the finding
     */
    public static Builder of(ValidationDescriptor rule) {
        return new Builder(rule);
    }

    /** Builds a {@link Finding}, one part at a time. Not thread-safe; use it once. */
    public static final class Builder {
        private final ValidationDescriptor rule;
        private Severity severity;
        private String path = "";
        private Optional<String> location = Optional.empty();
        private String message;

        private Builder(ValidationDescriptor rule) {
            this.rule = Objects.requireNonNull(rule, "rule");
            this.severity = rule.severity();
        }

        /**
         * @param file the file the finding is about, relative to the installation root (the installation itself
         *             when not called)
         * @return this builder
         */
        public Builder file(String file) {
            this.path = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * @param line the line of the file, from 1
         * @return this builder, located at {@code line N}
         */
        public Builder line(long line) {
            this.location = Optional.of("line " + line);
            return this;
        }

        /**
         * @param key the dotted key or field of the file
         * @return this builder, located at {@code key K}
         */
        public Builder key(String key) {
            this.location = Optional.of("key " + key);
            return this;
        }

        /**
         * @param other the severity of this finding, when not the rule's
         * @return this builder
         */
        public Builder severity(Severity other) {
            this.severity = Objects.requireNonNull(other, "severity");
            return this;
        }

        /**
         * @param what what is wrong, one sentence
         * @return this builder
         */
        public Builder problem(String what) {
            this.message = Objects.requireNonNull(what, "problem");
            return this;
        }

        /**
         * @param remedy what to do about it, one sentence
         * @return the finding
         * @throws IllegalStateException when no problem was given
         */
        public Finding fix(String remedy) {
            if (message == null) {
                throw new IllegalStateException("finding of " + rule.id() + ": say the problem before the fix");
            }
            return new Finding(rule.id(), rule.category(), severity, path, location, message, remedy);
        }
    }

    /**
     * A finding of the given rule, at its category and severity. Prefer {@link #of(ValidationDescriptor)}, whose
     * parts are named.
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
