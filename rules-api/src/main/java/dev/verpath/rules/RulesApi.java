package dev.verpath.rules;

/**
 * Facts about this API itself.
 *
 * <p>A plugin states the range of API versions it was built for; the engine compares that range with
 * {@link #VERSION}. The API follows semantic versioning: a new minor adds default methods and types,
 * a new major may break plugins.
 */
public final class RulesApi {

    /** The version of the rules API this engine implements, as semantic version text. */
    public static final String VERSION = "2.4.0";

    private RulesApi() {
    }
}
