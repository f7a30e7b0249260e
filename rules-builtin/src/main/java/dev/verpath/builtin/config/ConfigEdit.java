package dev.verpath.builtin.config;

/** What one config rule does to the configuration tree. */
@FunctionalInterface
interface ConfigEdit {

    /**
     * Edits the configuration in place.
     *
     * @param config       the configuration
     * @param lossyAllowed whether a value with no place in the target may be dropped
     */
    void apply(ConfigTree config, boolean lossyAllowed);
}
