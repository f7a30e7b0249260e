package dev.verpath.builtin.config;

import dev.verpath.builtin.ServeLayout;
import dev.verpath.rules.FileRule;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.TomlDocument;
import dev.verpath.rules.TomlEdit;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A config rule of the {@code serve} product written as {@link TomlEdit}s: {@code config/server.toml} is changed
 * in place, so comments and everything the edits do not touch stay as the operator wrote them. An installation
 * without a config file is left alone (with a warning; validation reports it). Immutable and thread-safe.
 *
 * @param descriptor what the rule is
 * @param change     what it does to the file
 */
record ServeTomlRule(RuleDescriptor descriptor, Change change) implements FileRule {

    /** What a rule does to {@code config/server.toml}. */
    @FunctionalInterface
    interface Change {
        /**
         * @param toml    the file
         * @param context the step (lossy steps allowed, the report)
         */
        void apply(TomlDocument toml, RuleContext context);
    }

    ServeTomlRule {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(change, "change");
    }

    /**
     * @param descriptor what the rule is
     * @param edits      its edits, in order
     */
    ServeTomlRule(RuleDescriptor descriptor, List<TomlEdit> edits) {
        this(descriptor, applying(List.copyOf(edits)));
    }

    private static Change applying(List<TomlEdit> edits) {
        return (toml, context) -> edits.forEach(edit -> edit.applyTo(toml, ServeLayout.CONFIG_FILE, context.report()));
    }

    @Override
    public void apply(RuleContext context) throws IOException {
        String path = ServeLayout.CONFIG_FILE;
        if (!context.workspace().isFile(path)) {
            context.report().warn(path, "no configuration file to migrate; create " + path + " for version "
                    + context.toVersion());
            return;
        }
        context.editToml(path, toml -> change.apply(toml, context));
    }
}
