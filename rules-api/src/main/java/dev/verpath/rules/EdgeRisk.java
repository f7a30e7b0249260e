package dev.verpath.rules;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A known risk of one edge of a product's version graph, evaluated on each installation before the edge is planned:
 * when its condition applies (or cannot be decided) the edge is blocked for that installation, the planner looks for a
 * path without it, and {@code migrate info} says which edge, which risk and why. The operator may accept a risk by its
 * name ({@code --accept-risk NAME}); the history records who did and when. As OpenShift's conditional update risks,
 * evaluated offline on the installation.
 *
 * <pre>{@code
 * EdgeRisk.of("wan", "1.0.0", "2.0.0", "wan-legacy-model-missing",
 *         "config.json names a model whose folder is missing; the manifest would list a model with no files",
 *         facts -> ...)
 *     .withUrl("https://example.org/wan/migration#missing-models")
 * }</pre>
 *
 * @param product   the product
 * @param from      the edge's source as its rules declare it (a version, or a range)
 * @param to        the edge's target version
 * @param name      the risk's name: lower case letters, digits, dots and dashes, unique in the product
 * @param message   what goes wrong on an installation it applies to, and how to make it not apply
 * @param url       where to read more, when there is a page
 * @param condition whether it applies to an installation
 * @since 2.3.0
 */
public record EdgeRisk(String product, String from, String to, String name, String message, Optional<String> url,
                       RiskCondition condition) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    /** Checks the name and that nothing is null or blank. */
    public EdgeRisk {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("risk name '" + name + "': use lower case letters, digits, dots and dashes");
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("risk " + name + " needs a message");
        }
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(condition, "condition");
    }

    /**
     * @param product   the product
     * @param from      the edge's declared source
     * @param to        the edge's target
     * @param name      the risk's name
     * @param message   what goes wrong, and how to make it not apply
     * @param condition whether it applies
     * @return the risk, with no URL
     */
    public static EdgeRisk of(String product, String from, String to, String name, String message,
                              RiskCondition condition) {
        return new EdgeRisk(product, from, to, name, message, Optional.empty(), condition);
    }

    /**
     * @param page where to read more
     * @return this risk with the URL
     */
    public EdgeRisk withUrl(String page) {
        return new EdgeRisk(product, from, to, name, message, Optional.of(page), condition);
    }
}
