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
     * A boolean flag's effective value (the engine checked it is a boolean before the run).
     *
     * @param flag a boolean flag a rule set declared
     * @return its value, or its default when nothing sets it
     */
    default boolean booleanFlag(FlagDescriptor flag) {
        return FlagDescriptor.isTrue(flag(flag.name()).orElse(flag.defaultValue()));
    }

    /**
     * A whole-number flag's effective value (the engine checked it is one before the run).
     *
     * @param flag an integer flag a rule set declared
     * @return its value, or its default when nothing sets it
     */
    default long integerFlag(FlagDescriptor flag) {
        return Long.parseLong(flag(flag.name()).orElse(flag.defaultValue()).trim());
    }

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

    /**
     * Changes a JSON file in place: reads it, lets the rule change it through a {@link JsonDocument}, and writes it
     * back (through the workspace) only when its text changed. Key order, indentation, spacing and number spelling
     * stay as written wherever the rule does not touch.
     *
     * @param path   the file, relative to the installation
     * @param change what to do with it
     * @throws IOException  when the file cannot be read or written
     * @throws RuleFailure  naming the file and line when it is not a JSON object
     */
    default void editJson(String path, java.util.function.Consumer<JsonDocument> change) throws IOException {
        throw new UnsupportedOperationException("this context cannot edit JSON files; run the rule through the engine");
    }

    /**
     * Reads a JSON file for the rule to look at: its members and typed values (see {@link JsonDocument}); nothing
     * done to the document is written.
     *
     * @param path the file, relative to the installation
     * @return the document
     * @throws IOException when the file cannot be read
     * @throws RuleFailure naming the file and line when it is not a JSON object
     */
    default JsonDocument readJson(String path) throws IOException {
        throw new UnsupportedOperationException("this context cannot read JSON files; run the rule through the engine");
    }

    /**
     * Writes a JSON file the rule makes anew (a file there is replaced), in the engine's layout: one member a line,
     * two spaces of indentation a level, {@code "name": value}, numbers as spelled, a final newline. The same value
     * gives the same bytes.
     *
     * @param path   the file, relative to the installation
     * @param object what it holds
     * @throws IOException when the file cannot be written
     */
    default void writeJson(String path, dev.verpath.rules.json.JsonObject object) throws IOException {
        throw new UnsupportedOperationException("this context cannot write JSON files; run the rule through the engine");
    }

    /**
     * Writes a TOML file the rule makes anew (a file there is replaced), in the engine's layout: a table's own values
     * first ({@code name = value}), then its sub-tables as {@code [a.b]} and its arrays of objects as {@code [[a.b]]},
     * in member order, one blank line before each header; a table holding only tables gets no header of its own, an
     * empty one does. Names are bare when they are letters, digits, {@code _} and {@code -}, else quoted; strings are
     * basic strings, numbers are written as spelled (give {@code 12.0} for a float), other arrays go on one line; a
     * final newline. The same value gives the same bytes. To change a TOML file the user keeps, use
     * {@link #editToml}.
     *
     * @param path     the file, relative to the installation
     * @param document what it holds
     * @throws IOException              when the file cannot be written
     * @throws IllegalArgumentException when the value holds {@code null}, which TOML cannot, or names a member twice
     */
    default void writeToml(String path, dev.verpath.rules.json.JsonObject document) throws IOException {
        throw new UnsupportedOperationException("this context cannot write TOML files; run the rule through the engine");
    }

    /**
     * Where the rule writes log lines for the operator ({@code migrate --log-level info}): what it decided and why,
     * not what it changed (the engine lists changes itself). Lines of a plugin's rule carry the plugin's id; under
     * {@code --log-format json} they also carry the run id, product, step and rule. Thread-safe; may be called more
     * than once and returns a logger that stays usable after the call.
     *
     * @return the logger, never null; outside the engine (before 2.1.0 of this API) one named for the context's class
     * @since 2.1.0
     */
    default org.slf4j.Logger logger() {
        return org.slf4j.LoggerFactory.getLogger(getClass());
    }
}
