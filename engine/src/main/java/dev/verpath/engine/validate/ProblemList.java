package dev.verpath.engine.validate;

import java.util.List;

/**
 * The problems one refusal names, so that the operator can fix them all in one go: up to ten, each
 * {@code <path>: <what>}, separated by {@code ; }, then how many more there are. Stateless.
 */
public final class ProblemList {

    /** How many problems a refusal names before it counts the rest. */
    public static final int SHOWN = 10;

    private ProblemList() {
    }

    /**
     * The problems as one piece of a one-line message.
     *
     * @param problems each problem as {@code <path>: <what>}, in the order to name them; not empty
     * @param more     what the rest are, after {@code and N more}, e.g. {@code symbolic links that point outside}
     * @return the text, e.g. {@code a: ...; b: ...; and 3 more <more>}
     */
    public static String of(List<String> problems, String more) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problem to name");
        }
        String named = String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size())));
        return problems.size() <= SHOWN ? named : named + "; and " + (problems.size() - SHOWN) + " more " + more;
    }
}
