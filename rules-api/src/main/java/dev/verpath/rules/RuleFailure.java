package dev.verpath.rules;

import java.util.Optional;

/**
 * A rule could not do its work on one file because of what the file holds: the user's data, not the rule, is
 * at fault. The engine rolls the migration back and prints one line naming the file, the location (a line
 * number or a key) and the rule, and tells the user to fix the file. A rule that meets a state it was not
 * written for (its own bug) throws anything else: the engine then names the rule and its plugin and says to
 * report it. Immutable.
 */
public class RuleFailure extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String location;

    /**
     * A failure at a place inside a file.
     *
     * @param path     the file, relative to the installation root
     * @param location where in the file, e.g. {@code line 12} or {@code key server.port}; may be null
     * @param message  what is wrong, one sentence without the file name
     */
    public RuleFailure(String path, String location, String message) {
        super(message, null);
        this.path = path;
        this.location = location;
    }

    /**
     * A failure about a whole file.
     *
     * @param path    the file, relative to the installation root
     * @param message what is wrong, one sentence without the file name
     */
    public RuleFailure(String path, String message) {
        this(path, null, message);
    }

    /**
     * The file the failure is about.
     *
     * @return the relative path, never null
     */
    public String path() {
        return path;
    }

    /** @return {@link Fault#INPUT}: the user's file is what cannot be migrated */
    @Override
    public Fault fault() {
        return Fault.INPUT;
    }

    /**
     * Where in the file.
     *
     * @return the location, e.g. {@code line 12}, or empty
     */
    public Optional<String> location() {
        return Optional.ofNullable(location);
    }
}
