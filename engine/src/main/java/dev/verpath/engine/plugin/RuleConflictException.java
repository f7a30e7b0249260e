package dev.verpath.engine.plugin;

import dev.verpath.engine.failure.EngineFailure;
import dev.verpath.engine.failure.ErrorCode;
import java.util.List;
import java.util.Optional;

/**
 * Several rule sources (the built-ins, plugins) claim the same edge and kind, and the migration config does
 * not say which wins. Immutable; exit code 1.
 */
public final class RuleConflictException extends EngineFailure {

    private static final long serialVersionUID = 1L;

    private final String edge;
    private final List<String> claimants;

    /**
     * @param edge      the edge and kind, e.g. {@code serve 2.1.0 -> 2.1.1 config}
     * @param claimants the origins that claim it, e.g. {@code built-in}, {@code plugin hotfix@1.0.0}
     * @param owners    the same claimants as {@code [plugins] prefer} names them ({@code built-in}, plugin ids)
     * @param preferred the owner the config prefers when it names one that does not claim the edge
     */
    RuleConflictException(String edge, List<String> claimants, List<String> owners, Optional<String> preferred) {
        super(ErrorCode.RULE_SET_INVALID, message(edge, claimants, owners, preferred));
        this.edge = edge;
        this.claimants = List.copyOf(claimants);
    }

    private static String message(String edge, List<String> claimants, List<String> owners, Optional<String> preferred) {
        String both = claimants.size() == 2 ? "both " + claimants.get(0) + " and " + claimants.get(1)
                : String.join(", ", claimants.subList(0, claimants.size() - 1)) + " and " + claimants.get(claimants.size() - 1);
        String choose = "[plugins] prefer = { \"" + edge + "\" = \"" + owners.get(owners.size() - 1) + "\" }";
        return "edge " + edge + " is claimed by " + both
                + preferred.map(p -> "; migration_config.toml prefers '" + p + "', which does not claim it").orElse("")
                + "; remove one of the plugins, or choose the winner in migration_config.toml: " + choose;
    }

    /** @return the edge and kind, e.g. {@code serve 2.1.0 -> 2.1.1 config} */
    public String edge() {
        return edge;
    }

    /** @return the origins that claim it, in load order */
    public List<String> claimants() {
        return claimants;
    }
}
