package dev.verpath.rules;

import java.util.List;
import java.util.Optional;

/**
 * A read-only view of one installation, for the {@link RiskCondition} of an {@link EdgeRisk}: what files it has,
 * what its configuration says, which record fields its data holds, how big its models are, and the flags in effect.
 * Paths are relative to the installation's root, with {@code /}; a path that leaves the root is refused. Nothing
 * here writes.
 *
 * @since 2.3.0
 */
public interface InstallationFacts {

    /** @return the installation's product */
    String product();

    /** @return the version the installation is at */
    String version();

    /**
     * @param path a file or folder
     * @return whether it exists (a symbolic link counts as what it points at)
     */
    boolean exists(String path);

    /**
     * @param folder a folder
     * @return the names in it, sorted; empty when it does not exist
     */
    List<String> list(String folder);

    /**
     * A value of a TOML ({@code .toml}) or JSON ({@code .json}) file.
     *
     * @param file      the file
     * @param dottedKey the key, {@code server.port}
     * @return the value as text (a string, number or boolean as written; a table or array as JSON), empty when the
     *         file or the key is absent
     * @throws Exception when the file exists but cannot be read or parsed: the risk is then undecided
     */
    Optional<String> configValue(String file, String dottedKey) throws Exception;

    /**
     * Whether any record of the data holds a top-level field: the {@code .jsonl} files at the path (a file, or a
     * folder searched recursively), read until the field is seen.
     *
     * @param dataPath the data file or folder
     * @param field    the field's name
     * @return whether a record holds it
     * @throws Exception when a file cannot be read or a record is not JSON: the risk is then undecided
     */
    boolean recordFieldSeen(String dataPath, String field) throws Exception;

    /**
     * @param path a file or folder
     * @return its size in bytes (a folder's: of every file in it); 0 when absent
     */
    long size(String path);

    /**
     * @param name a flag the product's rule sets declare
     * @return its value in effect (option, environment, settings file or default)
     */
    Optional<String> flag(String name);
}
