package dev.verpath.testkit;

import java.util.List;
import java.util.Map;

/**
 * What one migration of a check did, in the test kit's own terms (no engine types): the files it changed, the
 * warnings its rules reported, and their counters. Immutable.
 *
 * @param changes  each changed file as {@code <kind> <path>} ({@code created data/new.jsonl}, {@code changed
 *                 config/server.toml}, {@code deleted ...}), in the order the engine reports them
 * @param warnings the warnings' messages, in order
 * @param counters the counters the rules reported, by name
 */
public record MigrationOutcome(List<String> changes, List<String> warnings, Map<String, Long> counters) {

    /** Copies the lists and the map. */
    public MigrationOutcome {
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
        counters = Map.copyOf(counters);
    }
}
