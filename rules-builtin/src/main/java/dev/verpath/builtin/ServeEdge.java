package dev.verpath.builtin;

import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleKind;
import java.util.List;

/**
 * One edge of the {@code serve} version graph, and how its rules are named: {@code serve.<to>.<kind>}
 * for an upgrade, {@code serve.down.<to>.<kind>} for a downgrade, with {@code <kind>} one of
 * {@code config}, {@code data}, {@code model}. Immutable.
 *
 * @param from  the version the edge leads from
 * @param to    the version it leads to
 * @param down  true for a downgrade edge
 * @param lossy true when the edge cannot keep every piece of information
 */
public record ServeEdge(String from, String to, boolean down, boolean lossy) {

    /** 0.1.0 to 1.0.0. */
    public static final ServeEdge TO_1_0_0 = new ServeEdge(ServeLayout.V0_1_0, ServeLayout.V1_0_0, false, false);
    /** 1.0.0 to 2.0.0. */
    public static final ServeEdge TO_2_0_0 = new ServeEdge(ServeLayout.V1_0_0, ServeLayout.V2_0_0, false, false);
    /** 2.0.0 to 2.1.0. */
    public static final ServeEdge TO_2_1_0 = new ServeEdge(ServeLayout.V2_0_0, ServeLayout.V2_1_0, false, false);
    /** 2.1.0 back to 2.0.0: lossy, an API key cannot be recovered from its fingerprint. */
    public static final ServeEdge DOWN_TO_2_0_0 = new ServeEdge(ServeLayout.V2_1_0, ServeLayout.V2_0_0, true, true);
    /** 2.0.0 back to 1.0.0: lossless for every field the formats define. */
    public static final ServeEdge DOWN_TO_1_0_0 = new ServeEdge(ServeLayout.V2_0_0, ServeLayout.V1_0_0, true, false);

    /** The revision of every built-in rule; bump it when a rule's output changes. */
    public static final String RULE_VERSION = "1";

    /**
     * The descriptor of this edge's rule of one kind.
     *
     * @param kind            what the rule changes
     * @param displayName     capitalised, no final period
     * @param description     full sentences
     * @param breakingChanges what users must change after the step
     * @return the descriptor, with the kind's paths
     */
    public RuleDescriptor describe(RuleKind kind, String displayName, String description, List<String> breakingChanges) {
        String id = "serve." + (down ? "down." : "") + to + "." + kind.label();
        return new RuleDescriptor(id, displayName, description, ServeLayout.PRODUCT, from, to, kind,
                breakingChanges, lossy, RULE_VERSION, List.of(paths(kind)));
    }

    private static String paths(RuleKind kind) {
        switch (kind) {
            case CONFIG:
                return ServeLayout.CONFIG_FILE;
            case DATA:
                return ServeLayout.DATA_GLOB;
            default:
                return ServeLayout.MODELS_GLOB;
        }
    }
}
