package dev.verpath.rules;

/**
 * Collects what a rule wants the user to know. Thread-safe: the engine may hand one report to rules
 * running on several threads.
 */
public interface RuleReport {

    /**
     * Records a warning about a file; the migration goes on.
     *
     * @param path    the file, relative to the installation root
     * @param message what is wrong and what the user may want to do, one sentence
     */
    void warn(String path, String message);

    /**
     * Adds to a named counter, e.g. {@code records} or {@code bytes_saved}.
     *
     * @param counter the counter name, lower case with underscores
     * @param delta   how much to add
     */
    void count(String counter, long delta);
}
