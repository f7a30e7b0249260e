package dev.verpath.engine.settings;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The known name a misspelt one was most likely meant to be: the one fewest single-character edits away
 * (insert, delete, replace), when that is at most a third of the name's length (at least two). Stateless.
 */
final class NearestName {

    private NearestName() {
    }

    /**
     * @param name  the name as written
     * @param known the names that exist
     * @return the nearest known name, when one is near enough to be a misspelling
     */
    static Optional<String> of(String name, Collection<String> known) {
        int allowed = Math.max(2, name.length() / 3);
        return known.stream().filter(k -> !k.equals(name))
                .map(k -> new Candidate(k, edits(name, k)))
                .filter(c -> c.edits() <= allowed)
                .min(Comparator.comparingInt(Candidate::edits).thenComparing(Candidate::name))
                .map(Candidate::name);
    }

    private record Candidate(String name, int edits) {
    }

    /** The edit distance, in O(|a| |b|) time and O(|b|) space. */
    private static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
