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
}
