package dev.verpath.rules;

/**
 * Whose problem a failure is, which decides what its message tells the user to do.
 */
public enum Fault {
    /**
     * The user's input: a file of the installation, the command line, the migration config or a flag's value.
     * The message names the file (and line or key) or the setting, and says how to fix it.
     */
    INPUT,
    /**
     * The machine the command runs on: space, permissions, another process's lock, a damaged backup, an
     * interrupted run. The message names the folder or holder and what to do about it.
     */
    ENVIRONMENT,
    /**
     * A rule or plugin did something it must not: threw, wrote outside its paths, broke its own contract.
     * The message names the rule and its plugin and says to report it to the plugin's authors.
     */
    RULE
}
