package dev.verpath.rules;

import java.io.IOException;
import java.util.Optional;

/**
 * What a {@link FileRule} gets to work with during one step. Valid only for the duration of the
 * call; not thread-safe.
 */
public interface RuleContext {

    /**
     * The installation, as the step sees it.
     *
     * @return the workspace, never null
     */
    Workspace workspace();

    /**
     * Where warnings and counts go.
     *
     * @return the report, never null
     */
    RuleReport report();

    /**
     * The product being migrated, e.g. {@code serve}.
     *
     * @return the product name, never null
     */
    String product();

    /**
     * The version the installation is at when the step starts (the actual version, not a range).
     *
     * @return semantic version text, never null
     */
    String fromVersion();

    /**
     * The version this step leads to.
     *
     * @return semantic version text, never null
     */
    String toVersion();

    /**
     * Whether the user allowed lossy steps. A rule that would drop information it can detect (a
     * value with no place in the target format) fails the step unless this is true.
     *
     * @return true when lossy migration is allowed
     */
    boolean lossyAllowed();

    /**
     * Whether model optimization was asked for ({@code --optimize}).
     *
     * @return true when optimization is on
     */
    boolean optimize();

    /**
     * The effective value of a flag a rule set declared (see {@link FlagDescriptor}): from the
     * environment, the migration config, or the declared default, in that order.
     *
     * @param name the flag name, e.g. {@code WAN_ENABLE_LEGACY_FALLBACK}
     * @return the value, or empty when no rule set declared the flag
     */
    Optional<String> flag(String name);

    /**
     * Changes a TOML file in place: reads it, lets the rule change it through a {@link TomlDocument}, and writes it
     * back (through the workspace) only when its text changed. Comments and everything the rule does not touch stay
     * as written.
     *
     * @param path   the file, relative to the installation
     * @param change what to do with it
     * @throws IOException  when the file cannot be read or written
     * @throws RuleFailure  naming the file and line when it is not valid TOML
     */
    void editToml(String path, java.util.function.Consumer<TomlDocument> change) throws IOException;
}
