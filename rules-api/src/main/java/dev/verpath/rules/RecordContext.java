package dev.verpath.rules;

/**
 * Where a record came from and what the run allows, for a {@link RecordRule}'s edits and transform. Not
 * thread-safe; valid only for one call.
 */
public interface RecordContext {

    /**
     * The file the record is read from, relative to the installation root with {@code /} separators.
     *
     * @return the path, never null
     */
    String path();

    /**
     * The 1-based line number of the record in its file.
     *
     * @return the line number
     */
    long line();

    /**
     * The product being migrated.
     *
     * @return the product's name, never null
     */
    String product();

    /**
     * A flag the rule set declares, as the user set it (environment, {@code [flags]} of migration_config.toml,
     * else its default).
     *
     * @param name the flag's name
     * @return its value, or empty when no loaded rule set declares it
     */
    java.util.Optional<String> flag(String name);

    /**
     * The version the record is at before this rule.
     *
     * @return semantic version text, never null
     */
    String fromVersion();

    /**
     * The version this rule leads to.
     *
     * @return semantic version text, never null
     */
    String toVersion();

    /**
     * Whether the user allowed lossy steps.
     *
     * @return true when lossy migration is allowed
     */
    boolean lossyAllowed();

    /**
     * Where warnings and counts go.
     *
     * @return the report, never null
     */
    RuleReport report();
}
