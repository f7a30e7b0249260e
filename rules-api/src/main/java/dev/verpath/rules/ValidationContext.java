package dev.verpath.rules;

/** What a {@link ValidationRule} gets to look at. Valid only during the call. */
public interface ValidationContext {

    /**
     * The installation; writes are refused.
     *
     * @return the workspace, never null
     */
    Workspace workspace();

    /**
     * The product being checked.
     *
     * @return the product name, never null
     */
    String product();

    /**
     * The version the installation should be at.
     *
     * @return semantic version text, never null
     */
    String version();

    /**
     * Reads a TOML file for checking: its keys and typed values (see {@link TomlDocument}); nothing done to the
     * document is written.
     *
     * @param path the file, relative to the installation
     * @return the document
     * @throws java.io.IOException when the file cannot be read
     * @throws RuleFailure         naming the line when it is not valid TOML
     */
    TomlDocument readToml(String path) throws java.io.IOException;

    /**
     * Reads a JSON file for checking: its members and typed values (see {@link JsonDocument}); nothing done to the
     * document is written.
     *
     * @param path the file, relative to the installation
     * @return the document
     * @throws java.io.IOException when the file cannot be read
     * @throws RuleFailure         naming the line when it is not a JSON object
     */
    default JsonDocument readJson(String path) throws java.io.IOException {
        throw new UnsupportedOperationException("this context cannot read JSON files; run the check through the engine");
    }

    /**
     * Reads a record file line by line exactly as the record pipeline reads it for migration (bytes split at
     * {@code \n}, invalid UTF-8 refused, the record size limit applied), so that a check finds what migration would
     * refuse and nothing else. Only the fields a check reads are parsed.
     *
     * @param path the file, relative to the installation
     * @param each receives every line that is not blank, in order
     * @throws java.io.IOException when the file cannot be read
     */
    void readRecords(String path, java.util.function.Consumer<RecordLine> each) throws java.io.IOException;
}
