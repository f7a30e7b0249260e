package dev.verpath.engine.model;

import dev.verpath.rules.RuleKind;
import java.util.EnumSet;
import java.util.Set;

/** Which rules a migration runs, and whether it advances the installation's version. */
public enum Scope {
    /** {@code migrate version}: every kind; VERSION and the history advance. */
    VERSION(EnumSet.allOf(RuleKind.class)),
    /** {@code migrate config}: config rules only on one file. */
    CONFIG(EnumSet.of(RuleKind.CONFIG)),
    /** {@code migrate data}: data rules only on one file or folder. */
    DATA(EnumSet.of(RuleKind.DATA)),
    /** {@code migrate models}: model rules only on one models folder. */
    MODELS(EnumSet.of(RuleKind.MODEL));

    private final Set<RuleKind> kinds;

    Scope(Set<RuleKind> kinds) {
        this.kinds = kinds;
    }

    /** @return the kinds of rule this scope runs */
    public Set<RuleKind> kinds() {
        return EnumSet.copyOf(kinds);
    }

    /** @return true when the scope runs the given kind */
    public boolean runs(RuleKind kind) {
        return kinds.contains(kind);
    }
}
